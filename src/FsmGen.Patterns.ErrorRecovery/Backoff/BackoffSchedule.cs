namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Computes the delay before each retry from a <see cref="RetryConfig"/>. Polly's own schedules are fixed to a power of
/// two and its jitter cannot be seeded, so the retry strategy takes its delays from here through
/// <c>RetryStrategyOptions.DelayGenerator</c>.
/// </summary>
internal sealed class BackoffSchedule(RetryConfig config)
{
    private readonly Random? _seeded = config.Random;

    /// <summary>The delay before retry <paramref name="retryIndex"/> (zero-based).</summary>
    /// <param name="retryIndex">0 for the first retry.</param>
    /// <param name="previousDelay">The delay before the previous retry; only decorrelated jitter uses it.</param>
    public TimeSpan DelayFor(int retryIndex, TimeSpan previousDelay) => config.Backoff switch
    {
        BackoffStrategy.Fixed => config.BaseDelay,
        BackoffStrategy.Linear => Capped(config.BaseDelay.Ticks * (retryIndex + 1.0)),
        BackoffStrategy.Exponential => Exponential(retryIndex),
        BackoffStrategy.Jitter => Between(config.BaseDelay, Exponential(retryIndex)),
        BackoffStrategy.DecorrelatedJitter => Between(config.BaseDelay, Capped(Math.Max(config.BaseDelay.Ticks, previousDelay.Ticks * 3.0))),
        _ => throw new InvalidOperationException($"Unknown backoff {config.Backoff}."),
    };

    private TimeSpan Exponential(int retryIndex) =>
        Capped(config.BaseDelay.Ticks * Math.Pow(config.Multiplier, retryIndex));

    // Doubles absorb overflow (Math.Pow may return infinity); the cap brings the value back into TimeSpan range.
    private TimeSpan Capped(double ticks) =>
        ticks >= config.MaxDelay.Ticks ? config.MaxDelay : TimeSpan.FromTicks((long)ticks);

    // Whole milliseconds: timers have millisecond resolution, so the delay reported to on_retry is the one waited.
    private TimeSpan Between(TimeSpan low, TimeSpan high) =>
        low + TimeSpan.FromMilliseconds(Math.Floor((high - low).TotalMilliseconds * NextDouble()));

    private double NextDouble()
    {
        if (_seeded is null)
        {
            return Random.Shared.NextDouble();
        }

        // A seeded Random is not thread-safe, and concurrent executions share it.
        lock (_seeded)
        {
            return _seeded.NextDouble();
        }
    }
}
