namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Everything an <see cref="ErrorRecoveryWorkflow"/> does: a primary strategy, secondary strategies, and one
/// configuration per strategy. Immutable; validated at construction (an <see cref="ArgumentException"/> names the bad
/// field). A strategy that is listed but has no configuration gets the defaults of its config class, except
/// <see cref="RecoveryStrategy.Fallback"/>, <see cref="RecoveryStrategy.Deadline"/> and
/// <see cref="RecoveryStrategy.Cache"/>, which have no sensible default; a configuration for a strategy that is not
/// listed is an error (it would silently do nothing), except <see cref="Compensation"/>, which sagas use on their own.
/// </summary>
public sealed class ErrorRecoveryConfig
{
    /// <summary>Creates a configuration.</summary>
    /// <param name="primary">The main strategy (the one the seed's <c>strategy</c> option names).</param>
    /// <param name="secondary">Further strategies; each at most once, and not the primary again.</param>
    /// <param name="retry">Retry options; also decide which exceptions are transient for the circuit breaker.</param>
    /// <param name="circuitBreaker">Circuit breaker options.</param>
    /// <param name="fallback">Fallback; required when <see cref="RecoveryStrategy.Fallback"/> is listed.</param>
    /// <param name="compensation">Compensation; its <c>compensate</c> action is required when <see cref="RecoveryStrategy.Compensate"/> is listed.</param>
    /// <param name="deadline">Deadline; required when <see cref="RecoveryStrategy.Deadline"/> is listed.</param>
    /// <param name="bulkhead">Bulkhead options.</param>
    /// <param name="cache">Cache; required when <see cref="RecoveryStrategy.Cache"/> is listed.</param>
    /// <param name="onFailure">Called once for every execution that ends failed (the seed's <c>on_failure</c>).</param>
    /// <param name="alertThreshold">Consecutive failed executions that raise <paramref name="onAlert"/>; 0 (default) disables alerts.</param>
    /// <param name="onAlert">Called when the consecutive failures reach <paramref name="alertThreshold"/> (once per run of failures).</param>
    /// <param name="timeProvider">The clock of every delay and timeout. Default <see cref="TimeProvider.System"/>.</param>
    /// <param name="name">Names the workflow in metrics (tag <c>fsmgen.workflow</c>). Default <c>"default"</c>.</param>
    public ErrorRecoveryConfig(
        RecoveryStrategy primary,
        IEnumerable<RecoveryStrategy>? secondary = null,
        RetryConfig? retry = null,
        CircuitBreakerConfig? circuitBreaker = null,
        FallbackConfig? fallback = null,
        CompensationConfig? compensation = null,
        DeadlineConfig? deadline = null,
        BulkheadConfig? bulkhead = null,
        CacheConfig? cache = null,
        Action<FailureInfo>? onFailure = null,
        int alertThreshold = 0,
        Action<AlertInfo>? onAlert = null,
        TimeProvider? timeProvider = null,
        string name = "default")
    {
        Primary = Enum.IsDefined(primary)
            ? primary
            : throw new ArgumentOutOfRangeException(nameof(primary), primary, "primary is not a RecoveryStrategy.");
        Secondary = ValidateSecondary(primary, secondary);

        Retry = ConfigFor(RecoveryStrategy.Retry, retry, nameof(retry), () => new RetryConfig());
        CircuitBreaker = ConfigFor(RecoveryStrategy.CircuitBreaker, circuitBreaker, nameof(circuitBreaker), () => new CircuitBreakerConfig());
        Fallback = ConfigFor(RecoveryStrategy.Fallback, fallback, nameof(fallback), null);
        Deadline = ConfigFor(RecoveryStrategy.Deadline, deadline, nameof(deadline), null);
        Bulkhead = ConfigFor(RecoveryStrategy.Bulkhead, bulkhead, nameof(bulkhead), () => new BulkheadConfig());
        Cache = ConfigFor(RecoveryStrategy.Cache, cache, nameof(cache), null);
        Compensation = compensation;
        if (Uses(RecoveryStrategy.Compensate) && compensation?.Compensate is null)
        {
            throw new ArgumentException("compensation with a compensate action is required when Compensate is listed.", nameof(compensation));
        }

        AlertThreshold = Require.AtLeast(alertThreshold, 0, nameof(alertThreshold));
        if (AlertThreshold > 0 && onAlert is null)
        {
            throw new ArgumentException("onAlert is required when alertThreshold is set.", nameof(onAlert));
        }

        OnFailure = onFailure;
        OnAlert = onAlert;
        TimeProvider = timeProvider ?? TimeProvider.System;
        Name = Require.NotBlank(name, nameof(name));
    }

    /// <summary>The main strategy.</summary>
    public RecoveryStrategy Primary { get; }

    /// <summary>Further strategies, in the order given (the pipeline order does not depend on it).</summary>
    public IReadOnlyList<RecoveryStrategy> Secondary { get; }

    /// <summary>Retry options, or null when <see cref="RecoveryStrategy.Retry"/> is not used.</summary>
    public RetryConfig? Retry { get; }

    /// <summary>Circuit breaker options, or null when not used.</summary>
    public CircuitBreakerConfig? CircuitBreaker { get; }

    /// <summary>Fallback, or null when not used.</summary>
    public FallbackConfig? Fallback { get; }

    /// <summary>Compensation and saga options, or null.</summary>
    public CompensationConfig? Compensation { get; }

    /// <summary>Deadline, or null when not used.</summary>
    public DeadlineConfig? Deadline { get; }

    /// <summary>Bulkhead options, or null when not used.</summary>
    public BulkheadConfig? Bulkhead { get; }

    /// <summary>Cache options, or null when not used.</summary>
    public CacheConfig? Cache { get; }

    /// <summary>Called once for every execution that ends failed.</summary>
    public Action<FailureInfo>? OnFailure { get; }

    /// <summary>Consecutive failed executions that raise <see cref="OnAlert"/>; 0 when alerts are off.</summary>
    public int AlertThreshold { get; }

    /// <summary>Called when consecutive failures reach <see cref="AlertThreshold"/>.</summary>
    public Action<AlertInfo>? OnAlert { get; }

    /// <summary>The clock of every delay and timeout.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The workflow's name in metrics.</summary>
    public string Name { get; }

    /// <summary>True when <paramref name="strategy"/> is the primary or a secondary strategy.</summary>
    /// <param name="strategy">The strategy to look for.</param>
    public bool Uses(RecoveryStrategy strategy) => Primary == strategy || Secondary.Contains(strategy);

    private static RecoveryStrategy[] ValidateSecondary(RecoveryStrategy primary, IEnumerable<RecoveryStrategy>? secondary)
    {
        var list = secondary?.ToArray() ?? [];
        var seen = new HashSet<RecoveryStrategy> { primary };
        foreach (var strategy in list)
        {
            if (!Enum.IsDefined(strategy))
            {
                throw new ArgumentOutOfRangeException(nameof(secondary), strategy, "secondary holds a value that is not a RecoveryStrategy.");
            }

            if (!seen.Add(strategy))
            {
                throw new ArgumentException($"secondary lists {strategy} more than once or repeats the primary strategy.", nameof(secondary));
            }
        }

        return list;
    }

    private T? ConfigFor<T>(RecoveryStrategy strategy, T? given, string field, Func<T>? defaults)
        where T : class
    {
        if (!Uses(strategy))
        {
            return given is null
                ? null
                : throw new ArgumentException($"{field} is set but {strategy} is neither the primary nor a secondary strategy.", field);
        }

        return given ?? defaults?.Invoke()
            ?? throw new ArgumentException($"{field} is required when {strategy} is listed.", field);
    }
}
