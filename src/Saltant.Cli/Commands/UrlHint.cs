using LanguageExt.Common;
using Saltant.Domain;

namespace Saltant.Cli.Commands;

/// <summary>A 404 from a URL that is not the API's root is a wrong setting, not a missing record: say how to fix it.</summary>
internal static class UrlHint
{
    /// <summary>The error, or a configuration error suggesting <c>/api/</c> when the URL lacks it and the server answered 404.</summary>
    /// <param name="apiRoot">The API URL in use.</param>
    /// <param name="error">The call's failure.</param>
    public static Error For(Uri apiRoot, Error error) =>
        error is NotFound notFound && LacksApi(apiRoot)
            ? new SetupError(
                $"{notFound.Request} found nothing (404), and the API URL {apiRoot} does not end in /api/: "
                + $"saltant serves its API there, so try {Suggest(apiRoot)} ({SettingsVariables.ApiUrl}, or api_url in the profile).")
            : error;

    /// <summary>Whether the URL's path does not end in <c>/api</c>.</summary>
    /// <param name="apiRoot">The API URL.</param>
    public static bool LacksApi(Uri apiRoot) =>
        !apiRoot.AbsolutePath.TrimEnd('/').EndsWith("/api", StringComparison.OrdinalIgnoreCase);

    private static string Suggest(Uri apiRoot)
    {
        var text = apiRoot.GetLeftPart(UriPartial.Path);
        return (text.EndsWith('/') ? text : text + "/") + "api/";
    }
}
