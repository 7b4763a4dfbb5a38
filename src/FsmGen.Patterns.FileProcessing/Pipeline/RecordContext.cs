namespace FsmGen.Patterns.FileProcessing;

/// <summary>How a record's run through the machine ended.</summary>
internal enum RecordEnd
{
    /// <summary>Not finished yet.</summary>
    Running,

    /// <summary>Reached the write stage and the complete state: it belongs in the output.</summary>
    Written,

    /// <summary>A filter left it out.</summary>
    Filtered,

    /// <summary>A stage failed; <see cref="RecordContext.Failure"/> says why.</summary>
    Error,
}

/// <summary>Why a record failed, at which stage, and the field at fault if one is.</summary>
internal sealed record StageFailure(ProcessingStage Stage, string? Field, string Reason);

/// <summary>
/// The data that flows through the per-record machine: the record's position in the file, its raw input (as far as
/// the format or the dead-letter file needs it), the parsed record, and how its run ended.
/// </summary>
internal sealed class RecordContext
{
    /// <summary>The 1-based position among the records read from the file.</summary>
    public long RecordNumber { get; set; }

    /// <summary>The 1-based line where the record starts, or 0 for formats without lines.</summary>
    public long LineNumber { get; init; }

    /// <summary>The byte offset of the record in the input, or -1 when unknown.</summary>
    public long ByteOffset { get; init; } = -1;

    /// <summary>The record's UTF-8 input, for formats parsed in the parse stage and for the dead-letter file.</summary>
    public ReadOnlyMemory<byte> RawUtf8 { get; init; }

    /// <summary>The record's input as text (XML), when it is not kept as UTF-8 bytes.</summary>
    public string? RawText { get; init; }

    /// <summary>The parsed record; set by the reader for formats that parse while reading (CSV, Parquet).</summary>
    public Record? Record { get; set; }

    /// <summary>Why the record failed, or null.</summary>
    public StageFailure? Failure { get; set; }

    /// <summary>Set by the filter stage when a filter rejects the record.</summary>
    public bool FilteredOut { get; set; }

    /// <summary>How the run ended; set by the end states.</summary>
    public RecordEnd End { get; set; }

    /// <summary>A record that could not be read, already failed at the read stage.</summary>
    public static RecordContext Unreadable(long lineNumber, long byteOffset, string reason, ReadOnlyMemory<byte> raw = default) => new()
    {
        LineNumber = lineNumber,
        ByteOffset = byteOffset,
        RawUtf8 = raw,
        Failure = new StageFailure(ProcessingStage.Read, null, reason),
    };
}
