namespace FsmGen.Patterns.ErrorRecovery.Tests;

/// <summary>An operation that fails a set number of times, then succeeds, recording when each attempt ran.</summary>
internal sealed class FlakyOperation(int failures, Func<Exception>? error = null, TimeProvider? time = null)
{
    private readonly List<double> _attemptTimesMs = [];
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public IReadOnlyList<double> AttemptTimesMs
    {
        get
        {
            lock (_attemptTimesMs)
            {
                return [.. _attemptTimesMs];
            }
        }
    }

    public ValueTask<int> RunAsync(CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (time is not null)
        {
            lock (_attemptTimesMs)
            {
                _attemptTimesMs.Add((time.GetUtcNow() - new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalMilliseconds);
            }
        }

        return attempt <= failures
            ? ValueTask.FromException<int>(error?.Invoke() ?? new IOException($"attempt {attempt} failed"))
            : ValueTask.FromResult(attempt);
    }
}
