using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Saltant.Emulator.Json;

/// <summary>Numbers as Python holds them: ints of any size, floats printed with Python's repr.</summary>
internal static class PyNumbers
{
    /// <summary>Builds a node for a JSON number, normalised the way Python would print it back.</summary>
    public static JsonNode FromText(string text, bool isFloat)
    {
        if (!isFloat)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) return JsonValue.Create(l);
            return JsonNode.Parse(BigInteger.Parse(text, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))!;
        }
        double d = double.Parse(text, CultureInfo.InvariantCulture);
        if (double.IsInfinity(d)) throw new PyJsonException("Out of range float values are not JSON compliant");
        return JsonNode.Parse(FloatRepr(d))!;
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, exponent outside 1e-4..1e16.</summary>
    public static string FloatRepr(double d)
    {
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        var r = d.ToString("E16", CultureInfo.InvariantCulture);
        // Shortest round-trip digits.
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        string sign = d < 0 ? "-" : "";
        string digits; int exp;
        var s = shortest.TrimStart('-');
        int ePos = s.IndexOfAny(['E', 'e']);
        string mant = ePos >= 0 ? s[..ePos] : s;
        int e10 = ePos >= 0 ? int.Parse(s[(ePos + 1)..], CultureInfo.InvariantCulture) : 0;
        int dot = mant.IndexOf('.');
        string intPart = dot >= 0 ? mant[..dot] : mant;
        string frac = dot >= 0 ? mant[(dot + 1)..] : "";
        digits = (intPart + frac).TrimStart('0');
        int leadingZeros = (intPart + frac).Length - (intPart + frac).TrimStart('0').Length;
        exp = intPart.Length - leadingZeros - 1 + e10;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        _ = r;
        if (exp < -4 || exp >= 16)
        {
            var m = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            return $"{sign}{m}e{(exp < 0 ? "-" : "+")}{Math.Abs(exp):00}";
        }
        if (exp < 0) return sign + "0." + new string('0', -exp - 1) + digits;
        if (digits.Length <= exp + 1) return sign + digits + new string('0', exp + 1 - digits.Length) + ".0";
        return sign + digits[..(exp + 1)] + "." + digits[(exp + 1)..];
    }
}
