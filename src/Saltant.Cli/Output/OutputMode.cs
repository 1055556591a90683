namespace Saltant.Cli.Output;

/// <summary>How results are printed.</summary>
internal enum OutputMode
{
    /// <summary>Aligned tables and field lists, for people.</summary>
    Table,

    /// <summary>One JSON document with the server's field names, for scripts.</summary>
    Json,

    /// <summary>Ids or UUIDs only, one a line.</summary>
    Quiet,
}
