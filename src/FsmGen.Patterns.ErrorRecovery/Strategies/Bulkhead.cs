using System.Threading.RateLimiting;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// The admission side of the bulkhead: a <see cref="ConcurrencyLimiter"/> (slots + oldest-first queue) plus the queue
/// timeout it lacks, measured on the workflow's <see cref="TimeProvider"/>. Polly's rate limiter strategy turns a
/// refused lease into <c>RateLimiterRejectedException</c>.
/// </summary>
internal sealed class Bulkhead(BulkheadConfig config, TimeProvider time) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = config.MaxConcurrent,
        QueueLimit = config.MaxQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        // A free slot is taken without allocating; AttemptAcquire never jumps the queue.
        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired || config.MaxQueue == 0)
        {
            return new ValueTask<RateLimitLease>(lease);
        }

        lease.Dispose();
        return config.QueueTimeout is { } timeout
            ? WaitWithTimeoutAsync(timeout, cancellationToken)
            : _limiter.AcquireAsync(1, cancellationToken);
    }

    public static BulkheadRejectionReason ReasonOf(RateLimitLease lease) =>
        lease is QueueTimeoutLease ? BulkheadRejectionReason.QueueTimeout : BulkheadRejectionReason.QueueFull;

    public void Dispose() => _limiter.Dispose();

    private async ValueTask<RateLimitLease> WaitWithTimeoutAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await _limiter.AcquireAsync(1, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return QueueTimeoutLease.Instance;
        }
    }

    /// <summary>A refused lease that says why: the wait in the queue timed out.</summary>
    private sealed class QueueTimeoutLease : RateLimitLease
    {
        public static readonly QueueTimeoutLease Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
