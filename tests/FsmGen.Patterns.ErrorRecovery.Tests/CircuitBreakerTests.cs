using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

namespace FsmGen.Patterns.ErrorRecovery.Tests;

public sealed class CircuitBreakerTests
{
    private const int Callers = 32;
    private static readonly TimeSpan OpenDuration = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();
    private int _opened;
    private int _halfOpened;
    private int _closed;

    [Fact]
    public async Task Opens_on_the_threshold_failure_and_rejects_without_calling()
    {
        using var workflow = Breaker(failureThreshold: 5);
        var operation = new FlakyOperation(failures: int.MaxValue);

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(operation.RunAsync).AsTask());
        }

        Assert.Equal(CircuitBreakerState.Closed, workflow.CircuitState);
        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(operation.RunAsync).AsTask());
        Assert.Equal(CircuitBreakerState.Open, workflow.CircuitState);

        var rejection = await Assert.ThrowsAsync<BrokenCircuitException>(() => workflow.ExecuteAsync(operation.RunAsync).AsTask());
        Assert.Equal(5, operation.Attempts);
        Assert.Equal(OpenDuration, rejection.RetryAfter);
        Assert.Equal(1, _opened);
    }

    [Fact]
    public async Task Thirty_two_concurrent_callers_open_half_open_and_close_it_with_every_call_accounted_for()
    {
        using var workflow = Breaker(failureThreshold: 5, successThreshold: 3);
        var tally = new Tally();

        // Closed: 32 failing callers at once. Some may arrive after the circuit opened; each call counts once.
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(() => tally.CallAsync(workflow, fail: true))));
        Assert.Equal(Callers, tally.Executed + tally.Rejected);
        Assert.Equal(tally.Executed, tally.OperationRuns);
        Assert.InRange(tally.Executed, 5, Callers);
        Assert.Equal(CircuitBreakerState.Open, workflow.CircuitState);
        Assert.Equal(1, _opened);

        // Open: everybody is rejected, nothing runs.
        var before = tally.Snapshot();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(() => tally.CallAsync(workflow, fail: false))));
        Assert.Equal(before.Executed, tally.Executed);
        Assert.Equal(before.Rejected + Callers, tally.Rejected);

        // Half-open: after the open duration one probe at a time passes; three successful probes close it.
        _time.Advance(OpenDuration);
        for (var probe = 1; probe <= 3; probe++)
        {
            before = tally.Snapshot();
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var wave = Enumerable.Range(0, Callers).Select(_ => Task.Run(() => tally.CallAsync(workflow, fail: false, gate.Task))).ToArray();
            await Guard.Until(() => wave.Count(t => t.IsCompleted) == Callers - 1 && tally.OperationRuns == before.OperationRuns + 1);

            Assert.Equal(CircuitBreakerState.HalfOpen, workflow.CircuitState);
            Assert.Equal(before.Rejected + Callers - 1, tally.Rejected);
            gate.SetResult();
            await Task.WhenAll(wave).Within();
            Assert.Equal(before.Executed + 1, tally.Executed);
        }

        Assert.Equal(CircuitBreakerState.Closed, workflow.CircuitState);
        Assert.Equal((1, 1, 1), (_opened, _halfOpened, _closed));

        // Closed again: everybody runs.
        before = tally.Snapshot();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(() => tally.CallAsync(workflow, fail: false))));
        Assert.Equal(before.Executed + Callers, tally.Executed);
        Assert.Equal(before.Rejected, tally.Rejected);

        Assert.Equal(Callers * 6, tally.Executed + tally.Rejected);
        Assert.Equal(tally.Executed, tally.OperationRuns);
        Assert.Equal(3, workflow.GetMetrics().CircuitTransitions);
    }

    [Fact]
    public async Task A_failed_probe_opens_the_circuit_again_for_a_full_open_duration()
    {
        using var workflow = Breaker(failureThreshold: 1, successThreshold: 2);
        var failing = new FlakyOperation(failures: int.MaxValue);
        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(failing.RunAsync).AsTask());

        _time.Advance(OpenDuration);
        Assert.Equal(2, await workflow.ExecuteAsync(_ => ValueTask.FromResult(2)));
        Assert.Equal(CircuitBreakerState.HalfOpen, workflow.CircuitState); // one success of two
        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(failing.RunAsync).AsTask());
        Assert.Equal(CircuitBreakerState.Open, workflow.CircuitState);

        _time.Advance(OpenDuration - TimeSpan.FromMilliseconds(1));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => workflow.ExecuteAsync(failing.RunAsync).AsTask());
        Assert.Equal((2, 1, 0), (_opened, _halfOpened, _closed));
    }

    [Fact]
    public async Task With_a_rolling_window_only_failures_inside_the_window_count()
    {
        using var workflow = Breaker(failureThreshold: 3, rollingWindow: TimeSpan.FromSeconds(60));
        var failing = new FlakyOperation(failures: int.MaxValue);

        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(failing.RunAsync).AsTask());
        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(failing.RunAsync).AsTask());
        _time.Advance(TimeSpan.FromSeconds(60)); // the first two leave the window
        await workflow.ExecuteAsync(_ => ValueTask.FromResult(0)); // successes do not reset a window
        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(failing.RunAsync).AsTask());
        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(failing.RunAsync).AsTask());
        Assert.Equal(CircuitBreakerState.Closed, workflow.CircuitState);

        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(failing.RunAsync).AsTask());
        Assert.Equal(CircuitBreakerState.Open, workflow.CircuitState);
    }

    [Fact]
    public async Task Without_a_window_a_success_resets_the_consecutive_failures()
    {
        using var workflow = Breaker(failureThreshold: 2);
        var failing = new FlakyOperation(failures: int.MaxValue);

        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(failing.RunAsync).AsTask());
        await workflow.ExecuteAsync(_ => ValueTask.FromResult(0));
        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(failing.RunAsync).AsTask());
        Assert.Equal(CircuitBreakerState.Closed, workflow.CircuitState);
    }

    [Fact]
    public async Task Permanent_errors_say_nothing_about_the_dependency_and_do_not_open_it()
    {
        using var workflow = Breaker(failureThreshold: 2);

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<ArgumentException>(() =>
                workflow.ExecuteAsync<int>(_ => throw new ArgumentException("bad input")).AsTask());
        }

        Assert.Equal(CircuitBreakerState.Closed, workflow.CircuitState);
    }

    private ErrorRecoveryWorkflow Breaker(int failureThreshold, int successThreshold = 1, TimeSpan? rollingWindow = null) =>
        new(new ErrorRecoveryConfig(
            RecoveryStrategy.CircuitBreaker,
            circuitBreaker: new CircuitBreakerConfig(
                failureThreshold, successThreshold, OpenDuration, rollingWindow,
                onOpened: () => Interlocked.Increment(ref _opened),
                onClosed: () => Interlocked.Increment(ref _closed),
                onHalfOpened: () => Interlocked.Increment(ref _halfOpened)),
            timeProvider: _time));

    /// <summary>Counts every call exactly once as executed (the operation ran) or rejected (open circuit).</summary>
    private sealed class Tally
    {
        private int _executed;
        private int _rejected;
        private int _operationRuns;

        public int Executed => Volatile.Read(ref _executed);

        public int Rejected => Volatile.Read(ref _rejected);

        public int OperationRuns => Volatile.Read(ref _operationRuns);

        public (int Executed, int Rejected, int OperationRuns) Snapshot() => (Executed, Rejected, OperationRuns);

        public async Task CallAsync(ErrorRecoveryWorkflow workflow, bool fail, Task? gate = null)
        {
            try
            {
                await workflow.ExecuteAsync(async _ =>
                {
                    Interlocked.Increment(ref _operationRuns);
                    if (gate is not null)
                    {
                        await gate;
                    }

                    return fail ? throw new IOException("down") : 1;
                });
                Interlocked.Increment(ref _executed);
            }
            catch (IOException)
            {
                Interlocked.Increment(ref _executed);
            }
            catch (BrokenCircuitException)
            {
                Interlocked.Increment(ref _rejected);
            }
        }
    }
}
