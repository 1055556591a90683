using System.Text.Json;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>
/// Reads task instances, and pages of them, straight from the <see cref="Utf8JsonReader"/>: the
/// answers every list, wait and watch reads, so the ones a short-lived process decodes first.
/// </summary>
/// <remarks>
/// The source-generated serializer builds its metadata for a shape on first use: for a page of
/// instances that made a fresh process JIT-compile about 400 generic methods (a property-info type
/// per member type) and cost about 50 ms of CPU before the first record, against a few methods here.
/// It accepts and refuses the same bodies (the decoding tests and properties hold both to them);
/// unknown members are skipped, a later duplicate wins, every member is required, and a problem in
/// the text itself is reported at the member it was found in, as the serializer reported it.
/// </remarks>
internal static class TaskInstanceReader
{
    private const int Uuid = 1, User = 2, Name = 4, State = 8, Created = 16, Finished = 32, Arguments = 64, Queue = 128, Type = 256, All = 511;

    /// <summary>Makes a task instance of one kind from its fields (straight, with no wire object between).</summary>
    internal delegate T Make<T>(Guid uuid, string user, string name, string state, DateTimeOffset created, DateTimeOffset? finished, Json.JObject arguments, int queue, int type);

    /// <summary>One instance: the whole body.</summary>
    internal static T Instance<T>(ReadOnlySpan<byte> utf8, Make<T> make)
    {
        var reader = new Utf8JsonReader(utf8);
        var root = new MemberPath(-1, null);
        T instance;
        try
        {
            // The reader refuses an empty body here, and anything after the one value at the last read.
            reader.Read();
            instance = Instance(ref reader, root, make);
            reader.Read();
        }
        catch (Exception e) when (WireReader.FromTheReader(e))
        {
            throw WireReader.At(e, root);
        }

        return instance;
    }

    /// <summary>A page of instances: the whole body, each result made by <paramref name="make"/>.</summary>
    internal static Page<T> Page<T>(ReadOnlySpan<byte> utf8, Make<T> make)
    {
        var reader = new Utf8JsonReader(utf8);
        var at = new MemberPath(-1, null);
        int? count = null;
        Uri? next = null, previous = null;
        bool hasNext = false, hasPrevious = false;
        List<T>? results = null;
        try
        {
            reader.Read();
            WireReader.StartObject(ref reader, at);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("count"u8))
                {
                    at = at.With("count");
                    reader.Read();
                    count = WireReader.Int32(ref reader, at);
                }
                else if (reader.ValueTextEquals("next"u8))
                {
                    at = at.With("next");
                    reader.Read();
                    next = WireReader.UrlOrNull(ref reader, at);
                    hasNext = true;
                }
                else if (reader.ValueTextEquals("previous"u8))
                {
                    at = at.With("previous");
                    reader.Read();
                    previous = WireReader.UrlOrNull(ref reader, at);
                    hasPrevious = true;
                }
                else if (reader.ValueTextEquals("results"u8))
                {
                    at = at.With("results");
                    reader.Read();
                    results = Results(ref reader, make);
                }
                else
                {
                    at = at.With(reader.GetString()!);
                    reader.Read();
                    reader.Skip();
                }

                at = new MemberPath(-1, null);
            }

            var missing = count is null ? "count" : !hasNext ? "next" : !hasPrevious ? "previous" : results is null ? "results" : null;
            if (missing is not null)
            {
                throw WireReader.Missing(missing, at);
            }

            reader.Read();
        }
        catch (Exception e) when (WireReader.FromTheReader(e))
        {
            throw WireReader.At(e, at);
        }

        return new Page<T>(
            count!.Value,
            next is null ? LanguageExt.Option<Uri>.None : LanguageExt.Option<Uri>.Some(next),
            previous is null ? LanguageExt.Option<Uri>.None : LanguageExt.Option<Uri>.Some(previous),
            // Seq.create keeps the array it is given (toSeq would copy it, and is a Prelude member:
            // Prelude's static constructor alone is about 60 JIT-compiled methods in a fresh process).
            LanguageExt.Seq.create(results!.ToArray()));
    }

    private static List<T> Results<T>(ref Utf8JsonReader reader, Make<T> make)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WireReader.Expected("an array", reader.TokenType, new MemberPath(-1, "results"));
        }

        var results = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            results.Add(Instance(ref reader, new MemberPath(results.Count, null), make));
        }

        return results;
    }

    /// <summary>One instance object, the reader on its start; after, the reader is on its end.</summary>
    private static T Instance<T>(ref Utf8JsonReader reader, MemberPath at, Make<T> make)
    {
        WireReader.StartObject(ref reader, at);
        var seen = 0;
        Guid uuid = default;
        string? user = null, name = null, state = null;
        DateTimeOffset created = default;
        DateTimeOffset? finished = null;
        Json.JObject? arguments = null;
        int queue = 0, type = 0;
        var member = at;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // The server's order first: each test is one comparison of a few bytes.
                if (reader.ValueTextEquals("uuid"u8))
                {
                    member = at.With("uuid");
                    reader.Read();
                    uuid = WireReader.Uuid(ref reader, member);
                    seen |= Uuid;
                }
                else if (reader.ValueTextEquals("user"u8))
                {
                    member = at.With("user");
                    reader.Read();
                    user = WireReader.String(ref reader, member);
                    seen |= User;
                }
                else if (reader.ValueTextEquals("name"u8))
                {
                    member = at.With("name");
                    reader.Read();
                    name = WireReader.String(ref reader, member);
                    seen |= Name;
                }
                else if (reader.ValueTextEquals("state"u8))
                {
                    member = at.With("state");
                    reader.Read();
                    state = WireReader.String(ref reader, member);
                    seen |= State;
                }
                else if (reader.ValueTextEquals("datetime_created"u8))
                {
                    member = at.With("datetime_created");
                    reader.Read();
                    created = WireReader.DateTime(ref reader, member);
                    seen |= Created;
                }
                else if (reader.ValueTextEquals("datetime_finished"u8))
                {
                    member = at.With("datetime_finished");
                    reader.Read();
                    finished = WireReader.DateTimeOrNull(ref reader, member);
                    seen |= Finished;
                }
                else if (reader.ValueTextEquals("arguments"u8))
                {
                    member = at.With("arguments");
                    reader.Read();
                    arguments = WireReader.Object(ref reader, member);
                    seen |= Arguments;
                }
                else if (reader.ValueTextEquals("task_queue"u8))
                {
                    member = at.With("task_queue");
                    reader.Read();
                    queue = WireReader.Int32(ref reader, member);
                    seen |= Queue;
                }
                else if (reader.ValueTextEquals("task_type"u8))
                {
                    member = at.With("task_type");
                    reader.Read();
                    type = WireReader.Int32(ref reader, member);
                    seen |= Type;
                }
                else
                {
                    member = at.With(reader.GetString()!);
                    reader.Read();
                    reader.Skip();
                }

                member = at;
            }
        }
        catch (Exception e) when (WireReader.FromTheReader(e))
        {
            throw WireReader.At(e, member);
        }

        if (seen != All)
        {
            throw WireReader.Missing(FirstMissing(seen), at);
        }

        return make(uuid, user!, name!, state!, created, finished, arguments!, queue, type);
    }

    private static string FirstMissing(int seen) =>
        (seen & Uuid) == 0 ? "uuid"
        : (seen & User) == 0 ? "user"
        : (seen & Name) == 0 ? "name"
        : (seen & State) == 0 ? "state"
        : (seen & Created) == 0 ? "datetime_created"
        : (seen & Finished) == 0 ? "datetime_finished"
        : (seen & Arguments) == 0 ? "arguments"
        : (seen & Queue) == 0 ? "task_queue"
        : "task_type";
}
