using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Saltant.Client;
using Saltant.DependencyInjection;
using Saltant.Domain;
using Saltant.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the saltant client with dependency injection.</summary>
public static class SaltantServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client sends with, for further configuration through <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "Saltant";

    /// <summary>
    /// Registers one shared <see cref="SaltantClient"/> (a singleton: JWT sessions and connection
    /// pools live as long as the application) sending through an <see cref="HttpClient"/> from
    /// <c>IHttpClientFactory</c> named <see cref="HttpClientName"/>, and the validated settings as
    /// <see cref="ValidatedSaltantSettings"/>. The client logs through the container's <see cref="ILoggerFactory"/>
    /// when one is registered (e.g. by <c>AddLogging</c>), and never logs a credential.
    /// Settings come from the environment variables of <see cref="SettingsVariables"/>, overridden by
    /// the configuration section (keys as in <see cref="SaltantConfigurationKeys"/>, e.g.
    /// <c>Saltant:ApiUrl</c>). Each problem names the setting as it was set: the configuration key
    /// (<c>Saltant:AuthToken</c>) for a value from the section or one set nowhere, the environment
    /// variable (<c>SALTANT_AUTH_TOKEN</c>) for a value from the environment; likewise a refusal of
    /// plain http names the key or variable that allows it. Resolving <see cref="SaltantClient"/> or
    /// <see cref="Settings"/> with invalid settings throws <see cref="OptionsValidationException"/>,
    /// as options validation does, whose message lists every problem in plain sentences and whose
    /// <see cref="OptionsValidationException.Failures"/> holds one sentence per problem; resolve
    /// <see cref="ValidatedSaltantSettings"/> to handle the <see cref="ConfigError"/> yourself, without an exception.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root or section to read; none to use the environment only.</param>
    /// <param name="sectionName">The section holding the keys, when <paramref name="configuration"/> is a root.</param>
    /// <returns>
    /// The builder of the named HTTP client, to add handlers or policies. Whatever is added, a
    /// <see cref="SendOnceHandler"/> stays innermost: a handler that retries (the standard resilience
    /// handler, say) has its resends refused, so a create reaches the server once and reads are
    /// retried only by the client, on its own schedule (<c>SALTANT_MAX_RETRIES</c>). Timeouts, circuit
    /// breakers and rate limiters added here work as usual.
    /// </returns>
    public static IHttpClientBuilder AddSaltantClient(this IServiceCollection services, IConfiguration? configuration = null, string sectionName = SaltantConfigurationKeys.DefaultSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        var section = configuration?.GetSection(sectionName);
        services.TryAddSingleton(_ => Validated(section));
        services.TryAddSingleton(provider => provider.GetRequiredService<ValidatedSaltantSettings>().Outcome.Match(
            Right: settings => settings,
            Left: error => throw new OptionsValidationException(
                section?.Path ?? Options.Options.DefaultName, typeof(Settings), error.Problems.Map(problem => problem.Message))));
        services.TryAddSingleton(provider => SaltantClient.Create(
            provider.GetRequiredService<Settings>(),
            new SaltantClientOptions
            {
                HttpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                LoggerFactory = provider.GetService<ILoggerFactory>(),
            }));

        // Innermost, after every handler anyone adds (post-configuration runs after all configuration):
        // a retrying handler added to the builder below cannot send a create twice, nor multiply the
        // client's own retries of reads. See SendOnceHandler.
        services.PostConfigure<HttpClientFactoryOptions>(HttpClientName, options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.AdditionalHandlers.Add(new SendOnceHandler())));

        return services.AddHttpClient(HttpClientName)
            // The client applies its own per-request timeout, and never lets credentials follow a redirect.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            // The client is a singleton holding its HttpClient; pooled connections are recycled by the
            // handler itself, so the factory need not rotate handlers under it.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// The settings read from the process environment overridden by the configuration section's keys,
    /// each problem naming the setting as the user set it: a key of the section (<c>Saltant:AuthToken</c>)
    /// when it came from there or when neither source set it, the environment variable when it came from the environment.
    /// </summary>
    private static ValidatedSaltantSettings Validated(IConfigurationSection? section)
    {
        var (variables, fromEnvironment) = Variables(section);
        string Named(string variable) =>
            section is null || fromEnvironment.Contains(variable)
                ? variable
                : ConfigurationPath.Combine(section.Path, SaltantConfigurationKeys.KeyOf(variable));
        return new ValidatedSaltantSettings(Settings.FromVariables(variables, Named));
    }

    /// <summary>The process environment, overridden by the configuration section's keys, and which variables the environment alone set.</summary>
    private static (Dictionary<string, string?> Variables, HashSet<string> FromEnvironment) Variables(IConfigurationSection? section)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && SettingsVariables.All.Contains(name))
            {
                variables[name] = entry.Value as string;
            }
        }

        if (section is not null)
        {
            foreach (var (key, variable) in SaltantConfigurationKeys.ToVariables)
            {
                if (section[key] is { } value)
                {
                    variables[variable] = value;
                }
            }
        }

        var fromEnvironment = variables.Keys.Where(variable => section?[SaltantConfigurationKeys.KeyOf(variable)] is null).ToHashSet(StringComparer.Ordinal);
        return (variables, fromEnvironment);
    }
}
