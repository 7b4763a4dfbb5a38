namespace FsmGen.Patterns.Etl;

/// <summary>
/// A record in flight through the per-record machine of an ETL run: where it came from, and how its run ended. The
/// dictionary route (<see cref="DatabaseEtl"/> with a config's stages) and the typed route (a <c>[Pattern("Etl")]</c>
/// class, whose records are <see cref="EtlRecord{TRecord}"/>) share it, so that both are batched, loaded, checkpointed
/// and counted by the same code.
/// </summary>
public abstract class EtlRecord
{
    private protected EtlRecord(long position) => Position = position;

    /// <summary>
    /// The 1-based position in the source: for a database source, its place in this run's read order; for a file, its
    /// record number (see <see cref="EtlError.Position"/>). 0 for a record not read from a source.
    /// </summary>
    public long Position { get; internal set; }

    /// <summary>Whether a stage failed or the validation rejected the record (it is then not loaded).</summary>
    public bool HasFailed => Failure is not null;

    /// <summary>Whether the validation rejected the record.</summary>
    public bool IsRejected => Rejected;

    /// <summary>The stage that failed or rejected the record, when <see cref="HasFailed"/>.</summary>
    public EtlStage? FailedStage => Failure?.Stage;

    /// <summary>The field (column) at fault, when one is known.</summary>
    public string? FailedField => Failure?.Field;

    /// <summary>Why the record failed or was rejected, or null.</summary>
    public string? FailureReason => Failure?.Reason;

    /// <summary>A file source's 1-based ordinal among the records it could read: the checkpoint position of files.</summary>
    internal long Ordinal { get; init; }

    /// <summary>The values of the source's order columns (the checkpoint position of a database source), or null.</summary>
    internal object?[]? OrderValues { get; init; }

    /// <summary>Why the record failed or was rejected, or null.</summary>
    internal EtlFailure? Failure { get; set; }

    /// <summary>Set by the validate stage when the record is rejected.</summary>
    internal bool Rejected { get; set; }

    /// <summary>How the run ended; set by the end states.</summary>
    internal EtlRecordEnd End { get; set; }

    /// <summary>The record's key as text (<c>id=42</c>) for an error message, when the record has one.</summary>
    internal abstract string? DescribeKey(EtlConfig config, LoadShape? shape);

    internal void Fail(EtlStage stage, string? field, string reason) => Failure = new EtlFailure(stage, field, reason);
}

/// <summary>
/// A typed record in flight through the machine that <c>[Pattern("Etl")]</c> generates for a class: the value read from
/// the source, which the class's <c>[Transform]</c> and <c>[Enrich]</c> methods replace, and how its run ended. The
/// generated <c>CreateEtl</c> creates these from the source rows; a test can create one with
/// <see cref="EtlRecord{TRecord}(TRecord)"/> and call the generated <c>Run</c> or <c>RunAsync</c> to try the class's
/// stages on a single record.
/// </summary>
/// <typeparam name="TRecord">The record type that the class's slot methods take.</typeparam>
public sealed class EtlRecord<TRecord> : EtlRecord
{
    /// <summary>A record that was not read from a source (position 0).</summary>
    /// <param name="value">The value.</param>
    public EtlRecord(TRecord value)
        : base(0) => Value = value;

    internal EtlRecord(long position, TRecord value, TypedRowShape<TRecord>? shape)
        : base(position)
    {
        Value = value;
        Shape = shape;
    }

    /// <summary>The record; replaced by the transform and enrich stages. Undefined when it could not be read.</summary>
    public TRecord Value { get; set; }

    /// <summary>Whether the record reached the load stage and is staged for its batch (the batch's commit decides loaded or error).</summary>
    public bool IsStaged => End == EtlRecordEnd.Staged;

    /// <summary>The loaded columns of the run that read the record, or null for a record made by hand.</summary>
    internal TypedRowShape<TRecord>? Shape { get; }

    internal override string? DescribeKey(EtlConfig config, LoadShape? shape) =>
        Failure?.Stage == EtlStage.Extract ? null : Shape?.KeyText(Value);

    /// <inheritdoc />
    public override string ToString() => Failure is null ? $"record {Position}: {End}" : $"record {Position}: {End} at {Failure.Stage}: {Failure.Reason}";
}
