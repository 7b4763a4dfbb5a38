namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// How failed attempts are retried: how many times, how long to wait (<see cref="BackoffStrategy"/>), and which
/// outcomes count as failures worth retrying. Immutable; validated at construction.
/// </summary>
public sealed class RetryConfig
{
    private static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Creates a retry configuration.</summary>
    /// <param name="maxRetries">Retries after the first attempt; 0 disables retrying. Default 3.</param>
    /// <param name="baseDelay">The first delay and the unit of every schedule. Default 100 ms; zero is allowed.</param>
    /// <param name="multiplier">Growth factor of <see cref="BackoffStrategy.Exponential"/> and <see cref="BackoffStrategy.Jitter"/>. Default 2; at least 1.</param>
    /// <param name="maxDelay">Cap on every delay. Default the larger of 30 s and <paramref name="baseDelay"/>.</param>
    /// <param name="backoff">How the delay grows. Default <see cref="BackoffStrategy.Exponential"/>.</param>
    /// <param name="isTransient">Which exceptions are retried. Default <see cref="ErrorClassifier.IsTransient"/>.</param>
    /// <param name="retryOnResult">Results that count as failures and are retried (e.g. a "busy" status). Default none.</param>
    /// <param name="onRetry">Called before each retry's delay starts (the seed's <c>on_retry</c>).</param>
    /// <param name="random">
    /// The source of randomness for <see cref="BackoffStrategy.Jitter"/> and
    /// <see cref="BackoffStrategy.DecorrelatedJitter"/>; pass a seeded <see cref="Random"/> for reproducible delays.
    /// Calls on it are serialized. Default <see cref="Random.Shared"/>.
    /// </param>
    public RetryConfig(
        int maxRetries = 3,
        TimeSpan? baseDelay = null,
        double multiplier = 2.0,
        TimeSpan? maxDelay = null,
        BackoffStrategy backoff = BackoffStrategy.Exponential,
        Func<Exception, bool>? isTransient = null,
        Func<object?, bool>? retryOnResult = null,
        Action<RetryInfo>? onRetry = null,
        Random? random = null)
    {
        MaxRetries = Require.AtLeast(maxRetries, 0, nameof(maxRetries));
        BaseDelay = Require.NotNegative(baseDelay ?? DefaultBaseDelay, nameof(baseDelay));
        Multiplier = Require.AtLeast(multiplier, 1.0, nameof(multiplier));
        MaxDelay = maxDelay ?? (BaseDelay > DefaultMaxDelay ? BaseDelay : DefaultMaxDelay);
        if (MaxDelay < BaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDelay), MaxDelay, "maxDelay must not be less than baseDelay.");
        }

        Backoff = Enum.IsDefined(backoff)
            ? backoff
            : throw new ArgumentOutOfRangeException(nameof(backoff), backoff, "backoff is not a BackoffStrategy.");
        IsTransient = isTransient ?? ErrorClassifier.IsTransient;
        RetryOnResult = retryOnResult;
        OnRetry = onRetry;
        Random = random;
    }

    /// <summary>Retries after the first attempt; 0 means the operation runs once.</summary>
    public int MaxRetries { get; }

    /// <summary>The first delay and the unit of every schedule.</summary>
    public TimeSpan BaseDelay { get; }

    /// <summary>Growth factor of <see cref="BackoffStrategy.Exponential"/> and <see cref="BackoffStrategy.Jitter"/>.</summary>
    public double Multiplier { get; }

    /// <summary>Cap on every delay.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>How the delay grows from one retry to the next.</summary>
    public BackoffStrategy Backoff { get; }

    /// <summary>Decides which exceptions are transient (retried); every other exception is permanent.</summary>
    public Func<Exception, bool> IsTransient { get; }

    /// <summary>Results that count as failures; null when only exceptions fail.</summary>
    public Func<object?, bool>? RetryOnResult { get; }

    /// <summary>Called before each retry's delay starts.</summary>
    public Action<RetryInfo>? OnRetry { get; }

    /// <summary>The seeded randomness for jittered schedules, or null for <see cref="Random.Shared"/>.</summary>
    public Random? Random { get; }
}
