namespace FsmGen.Patterns.ErrorRecovery.Tests;

/// <summary>Every config is validated when it is constructed, and the error names the field that is wrong.</summary>
public sealed class ConfigValidationTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    public static TheoryData<string, Action> BadConfigs => new()
    {
        { "maxRetries", () => _ = new RetryConfig(maxRetries: -1) },
        { "baseDelay", () => _ = new RetryConfig(baseDelay: -Ms) },
        { "multiplier", () => _ = new RetryConfig(multiplier: 0.5) },
        { "multiplier", () => _ = new RetryConfig(multiplier: double.NaN) },
        { "maxDelay", () => _ = new RetryConfig(baseDelay: 10 * Ms, maxDelay: 5 * Ms) },
        { "backoff", () => _ = new RetryConfig(backoff: (BackoffStrategy)99) },
        { "failureThreshold", () => _ = new CircuitBreakerConfig(failureThreshold: 0) },
        { "successThreshold", () => _ = new CircuitBreakerConfig(successThreshold: 0) },
        { "openDuration", () => _ = new CircuitBreakerConfig(openDuration: TimeSpan.Zero) },
        { "rollingWindow", () => _ = new CircuitBreakerConfig(rollingWindow: -Ms) },
        { "maxConcurrent", () => _ = new BulkheadConfig(maxConcurrent: 0) },
        { "maxQueue", () => _ = new BulkheadConfig(maxQueue: -1) },
        { "queueTimeout", () => _ = new BulkheadConfig(queueTimeout: TimeSpan.Zero) },
        { "timeToLive", () => _ = new CacheConfig(TimeSpan.Zero) },
        { "maxEntries", () => _ = new CacheConfig(TimeSpan.FromSeconds(1), maxEntries: 0) },
        { "total", () => _ = new DeadlineConfig() },
        { "total", () => _ = new DeadlineConfig(total: 5 * Ms) },
        { "perAttempt", () => _ = new DeadlineConfig(perAttempt: TimeSpan.FromHours(25)) },
        { "perAttempt", () => _ = new DeadlineConfig(total: TimeSpan.FromSeconds(1), perAttempt: TimeSpan.FromSeconds(2)) },
        { "primary", () => _ = new ErrorRecoveryConfig((RecoveryStrategy)42) },
        { "secondary", () => _ = new ErrorRecoveryConfig(RecoveryStrategy.Retry, [RecoveryStrategy.Retry]) },
        { "secondary", () => _ = new ErrorRecoveryConfig(RecoveryStrategy.Retry, [RecoveryStrategy.Cache, RecoveryStrategy.Cache]) },
        { "fallback", () => _ = new ErrorRecoveryConfig(RecoveryStrategy.Fallback) },
        { "deadline", () => _ = new ErrorRecoveryConfig(RecoveryStrategy.Deadline) },
        { "cache", () => _ = new ErrorRecoveryConfig(RecoveryStrategy.Cache) },
        { "compensation", () => _ = new ErrorRecoveryConfig(RecoveryStrategy.Compensate) },
        { "compensation", () => _ = new ErrorRecoveryConfig(RecoveryStrategy.Compensate, compensation: new CompensationConfig()) },
        { "retry", () => _ = new ErrorRecoveryConfig(RecoveryStrategy.CircuitBreaker, retry: new RetryConfig()) },
        { "bulkhead", () => _ = new ErrorRecoveryConfig(RecoveryStrategy.Retry, bulkhead: new BulkheadConfig()) },
        { "alertThreshold", () => _ = new ErrorRecoveryConfig(RecoveryStrategy.Retry, alertThreshold: -1) },
        { "onAlert", () => _ = new ErrorRecoveryConfig(RecoveryStrategy.Retry, alertThreshold: 3) },
        { "name", () => _ = new ErrorRecoveryConfig(RecoveryStrategy.Retry, name: " ") },
        { "sagaId", () => _ = new SagaBuilder("") },
        { "directory", () => _ = new FileSagaStore("") },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public void A_bad_field_is_rejected_at_construction_by_name(string field, Action construct)
    {
        var error = Assert.ThrowsAny<ArgumentException>(construct);

        Assert.Equal(field, error.ParamName);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Listed_strategies_without_a_config_get_the_defaults()
    {
        var config = new ErrorRecoveryConfig(RecoveryStrategy.Retry, [RecoveryStrategy.CircuitBreaker, RecoveryStrategy.Bulkhead]);

        Assert.Equal((3, 100.0, BackoffStrategy.Exponential), (config.Retry!.MaxRetries, config.Retry.BaseDelay.TotalMilliseconds, config.Retry.Backoff));
        Assert.Equal((5, 1, 30.0), (config.CircuitBreaker!.FailureThreshold, config.CircuitBreaker.SuccessThreshold, config.CircuitBreaker.OpenDuration.TotalSeconds));
        Assert.Equal(10, config.Bulkhead!.MaxConcurrent);
        Assert.Null(config.Cache);
        Assert.Same(TimeProvider.System, config.TimeProvider);
        Assert.True(config.Uses(RecoveryStrategy.Bulkhead));
        Assert.False(config.Uses(RecoveryStrategy.Cache));
    }

    [Fact]
    public void The_default_max_delay_never_undercuts_a_long_base_delay()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), new RetryConfig(baseDelay: TimeSpan.FromMinutes(1)).MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), new RetryConfig().MaxDelay);
    }

    [Fact]
    public void A_compensation_config_serves_sagas_without_the_compensate_strategy()
    {
        var config = new ErrorRecoveryConfig(RecoveryStrategy.Retry, compensation: new CompensationConfig());

        Assert.NotNull(config.Compensation);
        Assert.IsType<InMemorySagaStore>(config.Compensation.Store);
    }
}
