using Polly.Timeout;

namespace FsmGen.Patterns.ErrorRecovery.Tests;

public sealed class DeadlineTests
{
    [Fact]
    public async Task An_execution_past_its_deadline_is_cancelled_and_fails_with_a_timeout()
    {
        var time = new RecordingTimeProvider();
        var observedCancellation = false;
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Deadline, deadline: new DeadlineConfig(total: TimeSpan.FromSeconds(1)), timeProvider: time));

        var pending = workflow.ExecuteAsync(async ct =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
                return 0;
            }
            catch (OperationCanceledException)
            {
                observedCancellation = true;
                throw;
            }
        }).AsTask();
        Assert.Equal(TimeSpan.FromSeconds(1), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => pending.Within());
        Assert.True(observedCancellation);
    }

    [Fact]
    public async Task The_deadline_bounds_all_retries_and_their_delays_together()
    {
        var time = new RecordingTimeProvider();
        var operation = new FlakyOperation(failures: int.MaxValue, time: time);
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Retry,
            [RecoveryStrategy.Deadline],
            retry: new RetryConfig(maxRetries: 10, baseDelay: TimeSpan.FromMilliseconds(400), backoff: BackoffStrategy.Fixed),
            deadline: new DeadlineConfig(total: TimeSpan.FromSeconds(1)),
            timeProvider: time));

        var pending = workflow.ExecuteAsync(operation.RunAsync).AsTask();
        Assert.Equal(TimeSpan.FromSeconds(1), await time.NextTimerAsync()); // the deadline
        Assert.Equal(TimeSpan.FromMilliseconds(400), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(TimeSpan.FromMilliseconds(400), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(TimeSpan.FromMilliseconds(400), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromMilliseconds(200)); // reaches the deadline in the middle of the third delay

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => pending.Within());
        Assert.Equal([0.0, 400, 800], operation.AttemptTimesMs);
    }

    [Fact]
    public async Task A_timed_out_attempt_is_retried()
    {
        var time = new RecordingTimeProvider();
        var attempts = 0;
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Retry,
            [RecoveryStrategy.Deadline],
            retry: new RetryConfig(maxRetries: 2, baseDelay: TimeSpan.Zero),
            deadline: new DeadlineConfig(perAttempt: TimeSpan.FromMilliseconds(100)),
            timeProvider: time));

        var pending = workflow.ExecuteAsync(async ct =>
        {
            if (++attempts == 1)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
            }

            return 42;
        }).AsTask();
        Assert.Equal(TimeSpan.FromMilliseconds(100), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(42, await pending.Within());
        Assert.Equal(2, attempts);
        Assert.Equal(1, workflow.GetMetrics().Retries);
    }
}
