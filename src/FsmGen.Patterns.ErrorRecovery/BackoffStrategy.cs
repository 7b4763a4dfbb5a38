namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// How the delay before retry <c>n</c> (zero-based) grows. Every delay is capped at <see cref="RetryConfig.MaxDelay"/>.
/// </summary>
public enum BackoffStrategy
{
    /// <summary><c>base</c> before every retry.</summary>
    Fixed,

    /// <summary><c>base * (n + 1)</c>: 100, 200, 300 ms for a 100 ms base.</summary>
    Linear,

    /// <summary><c>base * multiplier^n</c>: 100, 200, 400 ms for a 100 ms base and multiplier 2.</summary>
    Exponential,

    /// <summary>
    /// Random ("full jitter" with a floor): uniform in <c>[base, base * multiplier^n]</c>, so that callers that failed
    /// together do not retry together. Called <c>RANDOM</c> in the original library.
    /// </summary>
    Jitter,

    /// <summary>
    /// Decorrelated jitter: uniform in <c>[base, previous * 3]</c>, starting from <c>previous = base</c>. Spreads
    /// retries further than <see cref="Jitter"/> while still growing roughly exponentially.
    /// </summary>
    DecorrelatedJitter,
}
