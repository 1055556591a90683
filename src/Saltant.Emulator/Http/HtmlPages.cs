namespace Saltant.Emulator.Http;

/// <summary>The site's HTML error pages, reduced to what a client can recognise: title and heading.</summary>
internal static class HtmlPages
{
    private static string Page(string title, string heading) =>
        "\n\n<!doctype html>\n<html lang=\"en\">\n\t<head>\n\t<meta charset=\"utf-8\">\n\t<title>" + title +
        "</title>\n\t</head>\n\t<body>\n\t<main role=\"main\" class=\"container\">\n\t\t<div style=\"text-align: center\">\n\t\t<h2>" +
        heading + "</h2>\n\t\t</div>\n\t</main>\n\t</body>\n</html>\n";

    /// <summary>404 page for unrouted GETs.</summary>
    public static readonly string NotFound = Page("saltant - page not found!", "404 page not found");

    /// <summary>500 page for server errors on reads (e.g. a broken regex filter).</summary>
    public static readonly string ServerError = Page("saltant - server error!", "500 server error");

    /// <summary>Gateway pages used by fault injection.</summary>
    public static string Gateway(int status, string reason) =>
        $"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
}
