namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Time limits: <see cref="Total"/> bounds the whole execution, retries and their delays included;
/// <see cref="PerAttempt"/> bounds each attempt, and a timed-out attempt is retried like any transient failure.
/// Both raise Polly's <c>TimeoutRejectedException</c>. Immutable; validated at construction.
/// </summary>
public sealed class DeadlineConfig
{
    /// <summary>Creates a deadline configuration; at least one limit must be set, each between 10 ms and 24 h.</summary>
    /// <param name="total">The deadline for the whole execution.</param>
    /// <param name="perAttempt">The timeout of each attempt.</param>
    public DeadlineConfig(TimeSpan? total = null, TimeSpan? perAttempt = null)
    {
        if (total is null && perAttempt is null)
        {
            throw new ArgumentException("total or perAttempt must be set.", nameof(total));
        }

        Total = total is { } t ? Require.TimeoutRange(t, nameof(total)) : null;
        PerAttempt = perAttempt is { } p ? Require.TimeoutRange(p, nameof(perAttempt)) : null;
        if (Total < PerAttempt)
        {
            throw new ArgumentOutOfRangeException(nameof(perAttempt), PerAttempt, "perAttempt must not exceed total.");
        }
    }

    /// <summary>The deadline for the whole execution, or null.</summary>
    public TimeSpan? Total { get; }

    /// <summary>The timeout of each attempt, or null.</summary>
    public TimeSpan? PerAttempt { get; }
}
