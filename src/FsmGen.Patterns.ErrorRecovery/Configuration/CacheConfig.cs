namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// The last-good-result cache: every successful execution with a cache key stores its result; a failed execution with
/// the same key returns that result instead, if it is younger than <see cref="TimeToLive"/>. Immutable; validated at
/// construction.
/// </summary>
public sealed class CacheConfig
{
    /// <summary>Creates a cache configuration.</summary>
    /// <param name="timeToLive">How long a stored result may be served after it was stored (strictly less than).</param>
    /// <param name="maxEntries">Keys kept at most; when full, expired entries are dropped and new keys are not stored. Default 10 000.</param>
    public CacheConfig(TimeSpan timeToLive, int maxEntries = 10_000)
    {
        TimeToLive = Require.Positive(timeToLive, nameof(timeToLive));
        MaxEntries = Require.AtLeast(maxEntries, 1, nameof(maxEntries));
    }

    /// <summary>How long a stored result may be served.</summary>
    public TimeSpan TimeToLive { get; }

    /// <summary>Keys kept at most.</summary>
    public int MaxEntries { get; }
}
