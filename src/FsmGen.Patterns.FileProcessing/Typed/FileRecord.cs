namespace FsmGen.Patterns.FileProcessing;

/// <summary>How the run of a <see cref="FileRecord{TRecord}"/> through its machine ended.</summary>
public enum FileRecordOutcome
{
    /// <summary>Not finished yet.</summary>
    Pending,

    /// <summary>Reached the <c>Written</c> state: it goes to the output.</summary>
    Written,

    /// <summary>A filter left it out.</summary>
    Filtered,

    /// <summary>It failed: a field did not parse, a validation returned false or a stage threw; see <see cref="FileRecord{TRecord}.Reason"/>.</summary>
    Invalid,
}

/// <summary>
/// A record in flight through the machine that <c>[Pattern("FileProcessing")]</c> generates for a class: the typed
/// value, where it came from, and how its run ended. The generated <c>ProcessAsync</c> creates these from the input file;
/// tests can create one with <see cref="FileRecord{TRecord}(TRecord)"/> and call the generated <c>Run</c> or
/// <c>RunAsync</c> to try the class's stages on a single record.
/// </summary>
/// <typeparam name="TRecord">The record type that the class's slot methods take.</typeparam>
public sealed class FileRecord<TRecord>
{
    /// <summary>A record that has not been read from a file (record and line number 0).</summary>
    /// <param name="value">The value.</param>
    public FileRecord(TRecord value) => Value = value;

    internal FileRecord()
    {
        Value = default!;
    }

    /// <summary>The record; the transform stage replaces it. Undefined when the record failed to parse.</summary>
    public TRecord Value { get; set; }

    /// <summary>The 1-based position among the records read from the file.</summary>
    public long RecordNumber { get; internal set; }

    /// <summary>The 1-based line where the record starts.</summary>
    public long LineNumber { get; internal set; }

    /// <summary>The byte offset of the record in the input, or -1 when unknown.</summary>
    public long ByteOffset { get; internal set; } = -1;

    /// <summary>How the run ended.</summary>
    public FileRecordOutcome Outcome { get; internal set; }

    /// <summary>Whether a stage failed (the record then ends <see cref="FileRecordOutcome.Invalid"/>).</summary>
    public bool HasFailed => Reason is not null;

    /// <summary>Whether a filter left the record out.</summary>
    public bool IsFilteredOut { get; internal set; }

    /// <summary>The stage that failed, when <see cref="HasFailed"/>.</summary>
    public ProcessingStage FailedStage { get; internal set; }

    /// <summary>The field at fault, when one is known.</summary>
    public string? Field { get; internal set; }

    /// <summary>Why the record failed, or null.</summary>
    public string? Reason { get; internal set; }

    /// <summary>The raw input kept for the dead-letter file when records are processed after the reader moved on (batch mode).</summary>
    internal ReadOnlyMemory<byte> Raw { get; set; }

    internal void Fail(ProcessingStage stage, string? field, string reason)
    {
        FailedStage = stage;
        Field = field;
        Reason = reason;
    }

    /// <summary>Makes the instance ready for the next record of a stream run, which reuses it.</summary>
    internal void Reset(long recordNumber, long lineNumber, long byteOffset)
    {
        Value = default!;
        RecordNumber = recordNumber;
        LineNumber = lineNumber;
        ByteOffset = byteOffset;
        Outcome = FileRecordOutcome.Pending;
        IsFilteredOut = false;
        FailedStage = default;
        Field = null;
        Reason = null;
        Raw = default;
    }

    /// <inheritdoc />
    public override string ToString() => Reason is null ? $"record {RecordNumber}: {Outcome}" : $"record {RecordNumber}: {Outcome} at {FailedStage}: {Reason}";
}
