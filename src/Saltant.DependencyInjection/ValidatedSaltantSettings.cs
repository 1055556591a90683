using LanguageExt;
using Saltant.Domain;

namespace Saltant.DependencyInjection;

/// <summary>
/// The settings as registered: valid, or every problem found. Resolve this instead of
/// <see cref="Settings"/> to handle bad configuration without an exception.
/// </summary>
/// <param name="Outcome">The validated settings, or the configuration error.</param>
public sealed record ValidatedSaltantSettings(Either<ConfigError, Settings> Outcome);
