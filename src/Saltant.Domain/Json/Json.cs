using System.Globalization;
using System.Text.Json;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>
/// An immutable JSON value with structural equality: objects compare by their set of members
/// (member order is kept for display but ignored by equality) and numbers by numeric value, so
/// records holding task arguments compare by value.
/// </summary>
public abstract record Json
{
    private Json() { }

    /// <summary>JSON <c>null</c>.</summary>
    public sealed record JNull : Json
    {
        /// <inheritdoc />
        public override string ToString() => "null";
    }

    /// <summary>JSON <c>true</c> or <c>false</c>.</summary>
    /// <param name="Value">The boolean.</param>
    public sealed record JBool(bool Value) : Json
    {
        /// <inheritdoc />
        public override string ToString() => Value ? "true" : "false";
    }

    /// <summary>A JSON number, kept as its exact text so no precision is lost.</summary>
    public sealed record JNumber : Json
    {
        // Only parsed JSON reaches this constructor; callers with text use Json.Number, which checks it.
        private JNumber(string text) => Text = text;

        /// <summary>A number from JSON text that has already been checked to be a JSON number.</summary>
        internal static JNumber FromValidText(string text) => new(text);

        /// <summary>Makes a number from a decimal.</summary>
        /// <param name="value">The value.</param>
        public JNumber(decimal value) => Text = value.ToString(CultureInfo.InvariantCulture);

        /// <summary>Makes a number from a long.</summary>
        /// <param name="value">The value.</param>
        public JNumber(long value) => Text = value.ToString(CultureInfo.InvariantCulture);

        /// <summary>The number exactly as written in JSON.</summary>
        public string Text { get; }

        /// <summary>The value as a decimal, when it fits one.</summary>
        public Option<decimal> AsDecimal =>
            decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? Some(d) : None;

        // Numbers compare by value: 1, 1.0 and 1e0 are the same JSON number to the server (Python).
        private string Canonical => AsDecimal.Match(
            d => d.ToString("G29", CultureInfo.InvariantCulture),
            () => double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f)
                ? f.ToString("R", CultureInfo.InvariantCulture)
                : Text);

        /// <inheritdoc />
        public bool Equals(JNumber? other) => other is not null && Canonical == other.Canonical;

        /// <inheritdoc />
        public override int GetHashCode() => Canonical.GetHashCode(StringComparison.Ordinal);

        /// <inheritdoc />
        public override string ToString() => Text;
    }

    /// <summary>A JSON string.</summary>
    /// <param name="Value">The string.</param>
    public sealed record JString(string Value) : Json
    {
        /// <inheritdoc />
        public override string ToString() => JsonText.Write(this);
    }

    /// <summary>A JSON array.</summary>
    /// <param name="Items">The elements in order.</param>
    public sealed record JArray(Seq<Json> Items) : Json
    {
        /// <inheritdoc />
        public override string ToString() => JsonText.Write(this);
    }

    /// <summary>A JSON object. Member order is kept but equality ignores it; keys are unique.</summary>
    public sealed record JObject : Json
    {
        // Task arguments are small objects: a linear scan finds a member faster than a hash map
        // is built, and building LanguageExt's HashMap per decoded record dominated the first list's
        // CPU in a fresh process. Larger objects get a dictionary, built once, never changed.
        private const int ScanLimit = 8;
        private readonly Dictionary<string, Json>? index;

        /// <summary>Makes an object from members; a repeated key keeps its last value, as JSON parsers do.</summary>
        /// <param name="members">The members in order.</param>
        public JObject(IEnumerable<(string Key, Json Value)> members)
        {
            var list = new List<(string Key, Json Value)>();
            Dictionary<string, int>? at = null;
            foreach (var (k, v) in members)
            {
                var found = at is not null ? (at.TryGetValue(k, out var i) ? i : -1) : list.FindIndex(m => m.Key == k);
                if (found >= 0)
                {
                    list[found] = (k, v);
                    continue;
                }

                list.Add((k, v));
                if (at is null && list.Count > ScanLimit)
                {
                    at = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (var j = 0; j < list.Count; j++) at[list[j].Key] = j;
                }
                else if (at is not null)
                {
                    at[k] = list.Count - 1;
                }
            }

            index = at?.ToDictionary(kv => kv.Key, kv => list[kv.Value].Value, StringComparer.Ordinal);
            Members = toSeq(list.ToArray());
        }

        /// <summary>The members in their original order.</summary>
        public Seq<(string Key, Json Value)> Members { get; }

        /// <summary>The number of members.</summary>
        public int Count => Members.Count;

        /// <summary>The value of a member, if present.</summary>
        /// <param name="key">The member name.</param>
        public Option<Json> Find(string key)
        {
            if (index is not null)
            {
                return index.TryGetValue(key, out var value) ? Some(value) : None;
            }

            foreach (var (k, v) in Members)
            {
                if (k == key) return Some(v);
            }

            return None;
        }

        /// <summary>Whether a member with this name is present.</summary>
        /// <param name="key">The member name.</param>
        public bool ContainsKey(string key) => Find(key).IsSome;

        /// <summary>A copy with the member set (replaced in place, or added at the end).</summary>
        /// <param name="key">The member name.</param>
        /// <param name="value">Its value.</param>
        public JObject With(string key, Json value) =>
            ContainsKey(key)
                ? new JObject(Members.Map(m => m.Key == key ? (key, value) : m))
                : new JObject(Members.Add((key, value)));

        /// <inheritdoc />
        public bool Equals(JObject? other) =>
            other is not null && Count == other.Count && Members.ForAll(m => other.Find(m.Key).Map(v => v.Equals(m.Value)).IfNone(false));

        /// <inheritdoc />
        public override int GetHashCode() =>
            // Order-independent: XOR of member hashes.
            Members.Fold(Count, (h, m) => h ^ HashCode.Combine(m.Key, m.Value));

        /// <inheritdoc />
        public override string ToString() => JsonText.Write(this);
    }

    /// <summary>The shared <c>null</c>.</summary>
    public static readonly Json Null = new JNull();

    /// <summary>The empty object, <c>{}</c>.</summary>
    public static readonly JObject EmptyObject = new(System.Array.Empty<(string, Json)>());

    /// <summary>Makes a JSON string.</summary>
    /// <param name="value">The string.</param>
    public static Json Of(string value) => new JString(value);

    /// <summary>Makes a JSON boolean.</summary>
    /// <param name="value">The boolean.</param>
    public static Json Of(bool value) => new JBool(value);

    /// <summary>Makes a JSON number.</summary>
    /// <param name="value">The number.</param>
    public static Json Of(long value) => new JNumber(value);

    /// <summary>Makes a JSON number.</summary>
    /// <param name="value">The number.</param>
    public static Json Of(decimal value) => new JNumber(value);

    /// <summary>A JSON number from its text (e.g. <c>1e400</c> or a 30-digit integer, kept exactly); None when the text is not a JSON number.</summary>
    /// <param name="text">The number's JSON text.</param>
    public static Option<JNumber> Number(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return None;
        }

        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.Number && !reader.Read()
                ? Some(JNumber.FromValidText(text))
                : None;
        }
        catch (JsonException)
        {
            return None;
        }
    }

    /// <summary>Makes a JSON array.</summary>
    /// <param name="items">The elements.</param>
    public static Json Array(params Json[] items) => new JArray(toSeq(items));

    /// <summary>Makes a JSON object from name/value pairs.</summary>
    /// <param name="members">The members.</param>
    public static JObject Object(params (string Key, Json Value)[] members) => new(members);

    /// <summary>Converts a parsed <see cref="JsonElement"/> into an immutable value (copying it out).</summary>
    /// <param name="element">The element.</param>
    public static Json FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new JObject(element.EnumerateObject().Select(p => (p.Name, FromElement(p.Value))).ToArray()),
        JsonValueKind.Array => new JArray(toSeq(element.EnumerateArray().Select(FromElement).ToArray())),
        JsonValueKind.String => new JString(element.GetString()!),
        JsonValueKind.Number => JNumber.FromValidText(element.GetRawText()),
        JsonValueKind.True => new JBool(true),
        JsonValueKind.False => new JBool(false),
        _ => Null,
    };

    /// <summary>Parses JSON text; a failure names the position.</summary>
    /// <param name="text">The JSON text.</param>
    public static Either<string, Json> Parse(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return FromElement(doc.RootElement);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // ArgumentException: the text is not valid UTF-16 (a lone surrogate).
            return e.Message;
        }
    }

    /// <summary>Writes this value to a JSON writer.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        switch (this)
        {
            case JNull: writer.WriteNullValue(); break;
            case JString { Value: null }: writer.WriteNullValue(); break;
            case JBool b: writer.WriteBooleanValue(b.Value); break;
            case JNumber n: writer.WriteRawValue(n.Text, skipInputValidation: false); break;
            case JString s: writer.WriteStringValue(s.Value); break;
            case JArray a:
                writer.WriteStartArray();
                foreach (var item in a.Items) Write(writer, item);
                writer.WriteEndArray();
                break;
            case JObject o:
                writer.WriteStartObject();
                foreach (var (k, v) in o.Members)
                {
                    writer.WritePropertyName(k ?? "");
                    Write(writer, v);
                }

                writer.WriteEndObject();
                break;
        }
    }

    // A member or item that is null in spite of the annotations is written as JSON null, not a crash.
    private static void Write(Utf8JsonWriter writer, Json? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
