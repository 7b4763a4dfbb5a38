using System.Globalization;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// What a <see cref="DatabaseEtl"/> run did. Every extracted record is counted exactly once:
/// <c>Extracted == Loaded + Rejected + Errors + Skipped</c>.
/// </summary>
public sealed class EtlResult
{
    internal EtlResult(
        EtlMode mode,
        string? checkpointId,
        bool resumed,
        long previouslyCommitted,
        long extracted,
        long transformed,
        long loaded,
        long rejected,
        long errors,
        long skipped,
        long committedBatches,
        IReadOnlyList<EtlError> errorDetails,
        IReadOnlyList<EtlError> rejectionDetails,
        bool completed,
        TimeSpan elapsed)
    {
        Mode = mode;
        CheckpointId = checkpointId;
        Resumed = resumed;
        PreviouslyCommitted = previouslyCommitted;
        Extracted = extracted;
        Transformed = transformed;
        Loaded = loaded;
        Rejected = rejected;
        Errors = errors;
        Skipped = skipped;
        CommittedBatches = committedBatches;
        ErrorDetails = errorDetails;
        RejectionDetails = rejectionDetails;
        Completed = completed;
        Elapsed = elapsed;
    }

    /// <summary>The mode of the run.</summary>
    public EtlMode Mode { get; }

    /// <summary>The checkpoint (or, in Incremental mode, watermark) row the run used, or null.</summary>
    public string? CheckpointId { get; }

    /// <summary>Whether the run continued from a checkpoint left by an earlier run (an unfinished run, or in Incremental mode any earlier run).</summary>
    public bool Resumed { get; }

    /// <summary>Source records that earlier runs had committed under the same checkpoint id before this run started.</summary>
    public long PreviouslyCommitted { get; }

    /// <summary>
    /// Records this run read from the source (past the checkpoint, when resumed) and handed to the loader. When a run
    /// stops early, batches it had read ahead but not yet handed over are not counted: a resumed run reads them again.
    /// </summary>
    public long Extracted { get; }

    /// <summary>Records that passed validation, transformations and enrichment and reached the load stage.</summary>
    public long Transformed { get; }

    /// <summary>Records committed to the target.</summary>
    public long Loaded { get; }

    /// <summary>Records the validation schema rejected (counted in <see cref="Errors"/> instead when <see cref="EtlConfig.RejectCountsAsError"/> is set).</summary>
    public long Rejected { get; }

    /// <summary>Records that failed at some stage; <see cref="ErrorDetails"/> says where and why.</summary>
    public long Errors { get; }

    /// <summary>Records extracted but not loaded because the run stopped (error threshold) before their batch committed.</summary>
    public long Skipped { get; }

    /// <summary>Batches committed to the target.</summary>
    public long CommittedBatches { get; }

    /// <summary>The errors (and, when they count as errors, rejections), up to <see cref="EtlConfig.MaxErrorDetails"/>, in source order.</summary>
    public IReadOnlyList<EtlError> ErrorDetails { get; }

    /// <summary>Whether there were more errors than <see cref="ErrorDetails"/> holds.</summary>
    public bool ErrorDetailsTruncated => ErrorDetails.Count < Errors;

    /// <summary>The rejections (stage <see cref="EtlStage.Validate"/>) counted in <see cref="Rejected"/>, up to <see cref="EtlConfig.MaxErrorDetails"/>, in source order.</summary>
    public IReadOnlyList<EtlError> RejectionDetails { get; }

    /// <summary>Whether the run read its source to the end (false when it stopped on the error threshold).</summary>
    public bool Completed { get; }

    /// <summary>The time the run took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Loaded records per second.</summary>
    public double RowsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Loaded / Elapsed.TotalSeconds;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Mode}: extracted {Extracted}, transformed {Transformed}, loaded {Loaded}, rejected {Rejected}, errors {Errors}, skipped {Skipped} in {CommittedBatches} batch(es), {Elapsed.TotalSeconds:0.00} s{(Resumed ? $" (resumed after {PreviouslyCommitted} committed record(s))" : string.Empty)}");
}
