namespace Saltant.Domain;

/// <summary>One problem with the settings, naming the setting (environment variable or property) it is about.</summary>
public abstract record ConfigProblem
{
    // Only the code is fixed here; the setting and the message come from each case's own fields,
    // so a `with` copy that changes a field describes the new value.
    private ConfigProblem(int code) => Code = code;

    /// <summary>The environment variable or settings property at fault.</summary>
    public abstract string Setting { get; }

    /// <summary>One sentence saying what is wrong and how to fix it. Never contains a secret.</summary>
    public abstract string Message { get; }

    /// <summary>This problem's code in <see cref="ErrorCodes"/>.</summary>
    public int Code { get; }

    /// <inheritdoc />
    public sealed override string ToString() => Message;

    /// <summary>This problem with every setting it names renamed (a variable shown as the configuration key it was read from).</summary>
    internal ConfigProblem Renamed(Func<string, string> rename) => this switch
    {
        Missing m => m with { Name = rename(m.Name) },
        Empty e => e with { Name = rename(e.Name) },
        NotAbsoluteUrl u => u with { Name = rename(u.Name) },
        WrongScheme w => w with { Name = rename(w.Name) },
        BadNumber n => n with { Name = rename(n.Name) },
        OutOfRange r => r with { Name = rename(r.Name) },
        BadBoolean b => b with { Name = rename(b.Name) },
        Conflict c => c with { Name = rename(c.Name), Other = rename(c.Other) },
        Incomplete i => i with { Name = rename(i.Name), Needs = rename(i.Needs) },
        UrlHasExtras x => x with { Name = rename(x.Name) },
        Malformed f => f with { Name = rename(f.Name) },
        _ => this,
    };

    /// <summary>A required setting is not set.</summary>
    /// <param name="Name">The setting.</param>
    public sealed record Missing(string Name)
        : ConfigProblem(ErrorCodes.ConfigMissing)
    {
        /// <inheritdoc />
        public override string Setting => Name;

        /// <inheritdoc />
        public override string Message => $"{Name} is not set.";
    }

    /// <summary>A setting is set but empty or blank.</summary>
    /// <param name="Name">The setting.</param>
    public sealed record Empty(string Name)
        : ConfigProblem(ErrorCodes.ConfigEmpty)
    {
        /// <inheritdoc />
        public override string Setting => Name;

        /// <inheritdoc />
        public override string Message => $"{Name} is set but empty.";
    }

    /// <summary>A URL setting is not an absolute URL.</summary>
    /// <param name="Name">The setting.</param>
    /// <param name="Value">The value given (URLs hold no secrets).</param>
    public sealed record NotAbsoluteUrl(string Name, string Value)
        : ConfigProblem(ErrorCodes.ConfigNotAbsoluteUrl)
    {
        /// <inheritdoc />
        public override string Setting => Name;

        /// <inheritdoc />
        public override string Message => $"{Name} must be an absolute URL such as https://saltant.example.org/api/, not \"{MessageText.Clip(Value)}\".";
    }

    /// <summary>A URL setting uses a scheme other than http or https.</summary>
    /// <param name="Name">The setting.</param>
    /// <param name="Scheme">The scheme given.</param>
    public sealed record WrongScheme(string Name, string Scheme)
        : ConfigProblem(ErrorCodes.ConfigWrongScheme)
    {
        /// <inheritdoc />
        public override string Setting => Name;

        /// <inheritdoc />
        public override string Message => $"{Name} must use http or https, not \"{Scheme}\".";
    }

    /// <summary>A numeric setting is not a number.</summary>
    /// <param name="Name">The setting.</param>
    /// <param name="Value">The value given.</param>
    public sealed record BadNumber(string Name, string Value)
        : ConfigProblem(ErrorCodes.ConfigBadNumber)
    {
        /// <inheritdoc />
        public override string Setting => Name;

        /// <inheritdoc />
        public override string Message => $"{Name} must be a number, not \"{MessageText.Clip(Value)}\".";
    }

    /// <summary>A numeric setting is outside its allowed range.</summary>
    /// <param name="Name">The setting.</param>
    /// <param name="Value">The value given.</param>
    /// <param name="Allowed">The allowed range, in words.</param>
    public sealed record OutOfRange(string Name, string Value, string Allowed)
        : ConfigProblem(ErrorCodes.ConfigOutOfRange)
    {
        /// <inheritdoc />
        public override string Setting => Name;

        /// <inheritdoc />
        public override string Message => $"{Name} must be {Allowed}, not {MessageText.Clip(Value)}.";
    }

    /// <summary>A boolean setting is not one of true/false/1/0/yes/no.</summary>
    /// <param name="Name">The setting.</param>
    /// <param name="Value">The value given.</param>
    public sealed record BadBoolean(string Name, string Value)
        : ConfigProblem(ErrorCodes.ConfigBadBoolean)
    {
        /// <inheritdoc />
        public override string Setting => Name;

        /// <inheritdoc />
        public override string Message => $"{Name} must be true or false, not \"{MessageText.Clip(Value)}\".";
    }

    /// <summary>Two settings that exclude each other are both set.</summary>
    /// <param name="Name">The first setting.</param>
    /// <param name="Other">The setting it conflicts with.</param>
    public sealed record Conflict(string Name, string Other)
        : ConfigProblem(ErrorCodes.ConfigConflict)
    {
        /// <inheritdoc />
        public override string Setting => Name;

        /// <inheritdoc />
        public override string Message => $"{Name} and {Other} are both set; set only one way to authenticate.";
    }

    /// <summary>A setting needs a partner that is not set (a JWT username without a password).</summary>
    /// <param name="Name">The setting given.</param>
    /// <param name="Needs">The setting it needs.</param>
    public sealed record Incomplete(string Name, string Needs)
        : ConfigProblem(ErrorCodes.ConfigIncomplete)
    {
        /// <inheritdoc />
        public override string Setting => Needs;

        /// <inheritdoc />
        public override string Message => $"{Name} is set but {Needs} is not; both are needed.";
    }

    /// <summary>
    /// An API root URL carries a part an API root cannot have: user information (credentials
    /// belong in the authentication settings, never in a URL), a query or a fragment. The value is
    /// not repeated, since user information may hold a password.
    /// </summary>
    /// <param name="Name">The setting.</param>
    /// <param name="Part">The part found, in words, e.g. <c>a query</c>.</param>
    public sealed record UrlHasExtras(string Name, string Part)
        : ConfigProblem(ErrorCodes.ConfigUrlHasExtras)
    {
        /// <inheritdoc />
        public override string Setting => Name;

        /// <inheritdoc />
        public override string Message => $"{Name} must be a plain API root URL without {Part}.";
    }

    /// <summary>
    /// A text setting has characters it cannot have (a token with spaces or control characters, a
    /// user agent that is not printable ASCII). The value is not repeated, since it may be a secret.
    /// </summary>
    /// <param name="Name">The setting.</param>
    /// <param name="Rule">What the value must be, in words.</param>
    public sealed record Malformed(string Name, string Rule)
        : ConfigProblem(ErrorCodes.ConfigMalformed)
    {
        /// <inheritdoc />
        public override string Setting => Name;

        /// <inheritdoc />
        public override string Message => $"{Name} must be {Rule}.";
    }
}
