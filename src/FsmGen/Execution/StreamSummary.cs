namespace FsmGen;

/// <summary>Totals of a finished stream run. <see cref="Read"/> always equals <see cref="Succeeded"/> + <see cref="Failed"/> + <see cref="Dropped"/>.</summary>
public readonly struct StreamSummary
{
    /// <summary>Creates a summary.</summary>
    /// <param name="read">Records read from the source.</param>
    /// <param name="succeeded">Records whose run did not fail and that were handed to the sink.</param>
    /// <param name="failed">Records whose run failed and that were handed to the sink.</param>
    /// <param name="emitted">Succeeded records that reached an end state emitting output.</param>
    /// <param name="dropped">Records dropped by backpressure without running.</param>
    public StreamSummary(long read, long succeeded, long failed, long emitted, long dropped)
    {
        Read = read;
        Succeeded = succeeded;
        Failed = failed;
        Emitted = emitted;
        Dropped = dropped;
    }

    /// <summary>Records read from the source.</summary>
    public long Read { get; }

    /// <summary>Records whose run did not fail; each was handed to the sink.</summary>
    public long Succeeded { get; }

    /// <summary>Records whose run failed; each was handed to the sink with its error.</summary>
    public long Failed { get; }

    /// <summary>Succeeded records that reached an end state emitting output (a subset of <see cref="Succeeded"/>).</summary>
    public long Emitted { get; }

    /// <summary>Records dropped by <see cref="BackpressureMode.DropNewest"/> or <see cref="BackpressureMode.DropOldest"/>; they never ran.</summary>
    public long Dropped { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Read} read: {Succeeded} succeeded ({Emitted} emitted), {Failed} failed, {Dropped} dropped";
}
