using System.Text;

namespace Saltant.Emulator.Http;

/// <summary>Reads the plain fields of a multipart/form-data body (files are ignored: no route takes one).</summary>
internal static class MultipartReader
{
    public static List<KeyValuePair<string, string>> ReadFields(string contentType, byte[] body)
    {
        var result = new List<KeyValuePair<string, string>>();
        var boundaryPart = contentType.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase));
        if (boundaryPart is null) return result;
        var boundary = "--" + boundaryPart["boundary=".Length..].Trim('"');
        var text = Encoding.UTF8.GetString(body);
        foreach (var section in text.Split(boundary))
        {
            var s = section.TrimStart('\r', '\n');
            if (s.StartsWith("--", StringComparison.Ordinal) || s.Length == 0) continue;
            int headerEnd = s.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd < 0) continue;
            var headers = s[..headerEnd];
            var value = s[(headerEnd + 4)..];
            if (value.EndsWith("\r\n", StringComparison.Ordinal)) value = value[..^2];
            var nameIdx = headers.IndexOf("name=\"", StringComparison.OrdinalIgnoreCase);
            if (nameIdx < 0 || headers.Contains("filename=", StringComparison.OrdinalIgnoreCase)) continue;
            var start = nameIdx + 6;
            var name = headers[start..headers.IndexOf('"', start)];
            result.Add(new(name, value));
        }
        return result;
    }
}
