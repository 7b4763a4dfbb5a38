using System.Collections.Concurrent;
using Polly.RateLimiting;

namespace FsmGen.Patterns.ErrorRecovery.Tests;

public sealed class BulkheadTests
{
    [Fact]
    public async Task Hundred_simultaneous_calls_run_four_at_a_time_queue_eight_and_reject_and_report_the_rest()
    {
        var reasons = new ConcurrentQueue<BulkheadRejectionReason>();
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Bulkhead,
            bulkhead: new BulkheadConfig(maxConcurrent: 4, maxQueue: 8, onRejected: reasons.Enqueue),
            name: $"bulkhead-{Guid.NewGuid():N}"));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int running = 0, maxRunning = 0, ran = 0, rejected = 0;

        async Task CallAsync()
        {
            await start.Task;
            try
            {
                await workflow.ExecuteAsync(async _ =>
                {
                    var now = Interlocked.Increment(ref running);
                    InterlockedMax(ref maxRunning, now);
                    await gate.Task;
                    Interlocked.Increment(ref ran);
                    Interlocked.Decrement(ref running);
                    return 0;
                });
            }
            catch (RateLimiterRejectedException)
            {
                Interlocked.Increment(ref rejected);
            }
        }

        var calls = Enumerable.Range(0, 100).Select(_ => Task.Run(CallAsync)).ToArray();
        start.SetResult();
        await Guard.Until(() => Volatile.Read(ref rejected) == 88 && Volatile.Read(ref running) == 4);

        Assert.Equal(12, calls.Count(call => !call.IsCompleted)); // 4 running + 8 waiting
        gate.SetResult();
        await Task.WhenAll(calls).Within();

        Assert.Equal(12, ran);
        Assert.Equal(88, rejected);
        Assert.Equal(4, maxRunning);
        Assert.Equal(88, reasons.Count);
        Assert.All(reasons, reason => Assert.Equal(BulkheadRejectionReason.QueueFull, reason));
        var metrics = workflow.GetMetrics();
        Assert.Equal(88, metrics.BulkheadRejections);
        Assert.Equal((12L, 88L, 12L), (metrics.Successes, metrics.Failures, metrics.Attempts));
    }

    [Fact]
    public async Task A_call_that_waits_longer_than_the_queue_timeout_is_rejected_as_a_timeout()
    {
        var time = new RecordingTimeProvider();
        var reasons = new ConcurrentQueue<BulkheadRejectionReason>();
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Bulkhead,
            bulkhead: new BulkheadConfig(1, 1, TimeSpan.FromSeconds(5), reasons.Enqueue),
            timeProvider: time));
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var holder = workflow.ExecuteAsync(_ => new ValueTask<int>(gate.Task)).AsTask();
        var waiter = workflow.ExecuteAsync(_ => ValueTask.FromResult(2)).AsTask();
        Assert.Equal(TimeSpan.FromSeconds(5), await time.NextTimerAsync());

        time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(waiter.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAsync<RateLimiterRejectedException>(() => waiter.Within());
        Assert.Equal([BulkheadRejectionReason.QueueTimeout], reasons);
        gate.SetResult(1);
        Assert.Equal(1, await holder.Within());
    }

    [Fact]
    public async Task A_queued_call_runs_when_a_slot_frees()
    {
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Bulkhead, bulkhead: new BulkheadConfig(1, 1)));
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var holder = workflow.ExecuteAsync(_ => new ValueTask<int>(gate.Task)).AsTask();
        var waiter = workflow.ExecuteAsync(_ => ValueTask.FromResult(2)).AsTask();
        Assert.False(waiter.IsCompleted);

        gate.SetResult(1);
        Assert.Equal((1, 2), (await holder.Within(), await waiter.Within()));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
