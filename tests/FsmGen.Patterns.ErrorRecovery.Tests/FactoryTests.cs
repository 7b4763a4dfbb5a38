using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;

namespace FsmGen.Patterns.ErrorRecovery.Tests;

public sealed class FactoryTests
{
    [Fact]
    public async Task CreateRetryWorkflow_retries_with_the_given_backoff()
    {
        var time = new RecordingTimeProvider();
        using var workflow = ErrorRecoveryWorkflows.CreateRetryWorkflow(3, BackoffStrategy.Linear, TimeSpan.FromMilliseconds(50), timeProvider: time);

        var result = await time.DriveAsync(workflow.ExecuteAsync(new FlakyOperation(failures: 3).RunAsync).AsTask());

        Assert.Equal(4, result);
        Assert.Equal([50.0, 100, 150], time.DueTimes.Select(d => d.TotalMilliseconds));
        Assert.Equal(RecoveryStrategy.Retry, workflow.Config.Primary);
    }

    [Fact]
    public async Task CreateCircuitBreakerWorkflow_opens_at_the_threshold()
    {
        using var workflow = ErrorRecoveryWorkflows.CreateCircuitBreakerWorkflow(2, TimeSpan.FromSeconds(5), timeProvider: new FakeTimeProvider());

        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(new FlakyOperation(1).RunAsync).AsTask());
        Assert.Equal(CircuitBreakerState.Closed, workflow.CircuitState);
        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(new FlakyOperation(1).RunAsync).AsTask());

        Assert.Equal(CircuitBreakerState.Open, workflow.CircuitState);
        Assert.Equal(RecoveryStrategy.CircuitBreaker, workflow.Config.Primary);
    }

    [Fact]
    public void CreateResilientWorkflow_combines_deadline_retry_and_breaker()
    {
        using var workflow = ErrorRecoveryWorkflows.CreateResilientWorkflow();

        Assert.Equal(RecoveryStrategy.Retry, workflow.Config.Primary);
        Assert.Equal([RecoveryStrategy.CircuitBreaker, RecoveryStrategy.Deadline], workflow.Config.Secondary);
        Assert.Equal(TimeSpan.FromSeconds(30), workflow.Config.Deadline!.Total);
        Assert.Equal(BackoffStrategy.Jitter, workflow.Config.Retry!.Backoff);
    }

    [Fact]
    public async Task CreateResilientWorkflow_falls_back_when_the_deadline_passes()
    {
        var time = new RecordingTimeProvider();
        using var workflow = ErrorRecoveryWorkflows.CreateResilientWorkflow(
            deadline: TimeSpan.FromSeconds(2), fallback: FallbackConfig.FromFunction(error => error is TimeoutRejectedException ? "late" : "failed"), timeProvider: time);

        var pending = workflow.ExecuteAsync(async ct =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
            return "on time";
        }).AsTask();
        Assert.Equal(TimeSpan.FromSeconds(2), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("late", await pending.Within());
    }
}
