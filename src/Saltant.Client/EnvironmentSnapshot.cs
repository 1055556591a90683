using System.Collections;

namespace Saltant.Client;

/// <summary>Reads the process environment once into the dictionary the pure settings code validates.</summary>
internal static class EnvironmentSnapshot
{
    internal static IReadOnlyDictionary<string, string?> Read()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }
}
