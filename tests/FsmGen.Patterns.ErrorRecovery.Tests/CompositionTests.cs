using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Polly.RateLimiting;

namespace FsmGen.Patterns.ErrorRecovery.Tests;

/// <summary>The documented order: Fallback &gt; Cache &gt; Bulkhead &gt; Compensate &gt; Deadline &gt; Retry &gt; CircuitBreaker &gt; attempt timeout.</summary>
public sealed class CompositionTests
{
    [Fact]
    public async Task The_fallback_answers_for_an_open_circuit_without_calling_the_operation()
    {
        var operation = new FlakyOperation(failures: int.MaxValue);
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.CircuitBreaker,
            [RecoveryStrategy.Fallback],
            circuitBreaker: new CircuitBreakerConfig(failureThreshold: 1),
            fallback: FallbackConfig.FromFunction(error => error is BrokenCircuitException ? -2 : -1)));

        Assert.Equal(-1, await workflow.ExecuteAsync(operation.RunAsync));
        Assert.Equal(-2, await workflow.ExecuteAsync(operation.RunAsync));
        Assert.Equal(1, operation.Attempts);
    }

    [Fact]
    public async Task A_cached_result_beats_the_fallback()
    {
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Fallback,
            [RecoveryStrategy.Cache],
            fallback: FallbackConfig.FromValue(-1),
            cache: new CacheConfig(TimeSpan.FromMinutes(5)),
            timeProvider: new FakeTimeProvider()));

        await workflow.ExecuteAsync("k", _ => ValueTask.FromResult(10));

        Assert.Equal(10, await workflow.ExecuteAsync<int>("k", _ => throw new IOException()));
        Assert.Equal(-1, await workflow.ExecuteAsync<int>("other", _ => throw new IOException()));
    }

    [Fact]
    public async Task Compensation_runs_after_the_retries_gave_up_and_before_the_fallback_answers()
    {
        var events = new List<string>();
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Retry,
            [RecoveryStrategy.Compensate, RecoveryStrategy.Fallback],
            retry: new RetryConfig(maxRetries: 2, baseDelay: TimeSpan.Zero),
            compensation: new CompensationConfig((error, _) =>
            {
                events.Add($"compensate {error.Message}");
                return ValueTask.CompletedTask;
            }),
            fallback: FallbackConfig.FromFunction(_ =>
            {
                events.Add("fallback");
                return 0;
            })));

        var result = await workflow.ExecuteAsync<int>(_ =>
        {
            events.Add("attempt");
            throw new IOException("lost");
        });

        Assert.Equal(0, result);
        Assert.Equal(["attempt", "attempt", "attempt", "compensate lost", "fallback"], events);
        Assert.Equal(1, workflow.GetMetrics().Compensations);
    }

    [Fact]
    public async Task Nothing_is_compensated_for_an_execution_the_bulkhead_rejected()
    {
        var compensations = 0;
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Bulkhead,
            [RecoveryStrategy.Compensate],
            bulkhead: new BulkheadConfig(maxConcurrent: 1),
            compensation: new CompensationConfig((_, _) =>
            {
                compensations++;
                return ValueTask.CompletedTask;
            })));
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var holder = workflow.ExecuteAsync(_ => new ValueTask<int>(gate.Task)).AsTask();
        await Assert.ThrowsAsync<RateLimiterRejectedException>(() => workflow.ExecuteAsync(_ => ValueTask.FromResult(1)).AsTask());
        gate.SetResult(1);
        await holder.Within();

        Assert.Equal(0, compensations);
    }

    [Fact]
    public async Task A_compensation_that_keeps_failing_surfaces_with_the_original_error()
    {
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Compensate,
            compensation: new CompensationConfig(
                (_, _) => ValueTask.FromException(new IOException("undo failed")),
                new RetryConfig(maxRetries: 1, baseDelay: TimeSpan.Zero))));

        var error = await Assert.ThrowsAsync<CompensationFailedException>(() =>
            workflow.ExecuteAsync<int>(_ => throw new TimeoutException("original")).AsTask());

        Assert.IsType<TimeoutException>(error.OriginalError);
        Assert.Equal("undo failed", error.InnerException!.Message);
        Assert.Equal(1, workflow.GetMetrics().CompensationFailures);
    }

    [Fact]
    public async Task Retries_stop_as_soon_as_the_circuit_opens()
    {
        var operation = new FlakyOperation(failures: int.MaxValue);
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Retry,
            [RecoveryStrategy.CircuitBreaker],
            retry: new RetryConfig(maxRetries: 10, baseDelay: TimeSpan.Zero),
            circuitBreaker: new CircuitBreakerConfig(failureThreshold: 3)));

        await Assert.ThrowsAsync<BrokenCircuitException>(() => workflow.ExecuteAsync(operation.RunAsync).AsTask());

        Assert.Equal(3, operation.Attempts);
    }

    [Fact]
    public async Task Another_patterns_run_can_be_wrapped_as_it_is()
    {
        using var workflow = ErrorRecoveryWorkflows.CreateRetryWorkflow(maxRetries: 2, baseDelay: TimeSpan.Zero);
        var flaky = new FlakyOperation(failures: 1);

        // Any Task-returning run wraps with an async lambda.
        var rows = await workflow.ExecuteAsync(async ct => await Task.Run(() => flaky.RunAsync(ct).AsTask(), ct));

        Assert.Equal(2, rows);
    }
}
