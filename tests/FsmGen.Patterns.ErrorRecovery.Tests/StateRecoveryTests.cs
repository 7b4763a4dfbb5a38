using System.Reflection;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FsmGen.Patterns.ErrorRecovery.Tests;

/// <summary>The single call generated code makes per state per machine instance.</summary>
public sealed class StateRecoveryTests
{
    [Fact]
    public void With_every_strategy_absent_the_pipeline_is_the_empty_one()
    {
        Assert.Same(ResiliencePipeline.Empty, StateRecovery.CreatePipeline(0, 100, BackoffStrategy.Fixed, 0, 0, 0, null));
        Assert.Same(ResiliencePipeline.Empty, StateRecovery.CreatePipeline(-1, -1, BackoffStrategy.Fixed, -1, -1, -1, null));
    }

    [Fact]
    public async Task Retries_follow_the_backoff()
    {
        var time = new RecordingTimeProvider();
        // <state-pipeline>
        var pipeline = StateRecovery.CreatePipeline(2, 100, BackoffStrategy.Exponential, 0, 0, 0, time);
        // </state-pipeline>
        var operation = new FlakyOperation(failures: 2, time: time);

        var result = await time.DriveAsync(pipeline.ExecuteAsync(operation.RunAsync).AsTask());

        Assert.Equal(3, result);
        Assert.Equal([100.0, 200], time.DueTimes.Select(d => d.TotalMilliseconds));
        Assert.Equal([0.0, 100, 300], operation.AttemptTimesMs);
    }

    [Fact]
    public async Task Permanent_errors_are_not_retried()
    {
        var pipeline = StateRecovery.CreatePipeline(3, 0, BackoffStrategy.Fixed, 0, 0, 0, null);
        var operation = new FlakyOperation(int.MaxValue, () => new ArgumentException("bad"));

        await Assert.ThrowsAsync<ArgumentException>(() => pipeline.ExecuteAsync(operation.RunAsync).AsTask());

        Assert.Equal(1, operation.Attempts);
    }

    [Fact]
    public async Task The_deadline_times_the_state_body_out()
    {
        var time = new RecordingTimeProvider();
        var pipeline = StateRecovery.CreatePipeline(0, 0, BackoffStrategy.Fixed, 50, 0, 0, time);

        var pending = pipeline.ExecuteAsync(async ct => await Task.Delay(Timeout.InfiniteTimeSpan, time, ct)).AsTask();
        Assert.Equal(TimeSpan.FromMilliseconds(50), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => pending.Within());
    }

    [Fact]
    public async Task The_breaker_opens_at_the_threshold_and_closes_after_a_probe()
    {
        var time = new RecordingTimeProvider();
        var pipeline = StateRecovery.CreatePipeline(0, 0, BackoffStrategy.Fixed, 0, 2, 1000, time);
        var failing = new FlakyOperation(int.MaxValue);

        await Assert.ThrowsAsync<IOException>(() => pipeline.ExecuteAsync(failing.RunAsync).AsTask());
        await Assert.ThrowsAsync<IOException>(() => pipeline.ExecuteAsync(failing.RunAsync).AsTask());
        await Assert.ThrowsAsync<BrokenCircuitException>(() => pipeline.ExecuteAsync(failing.RunAsync).AsTask());
        Assert.Equal(2, failing.Attempts);

        time.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(1, await pipeline.ExecuteAsync(_ => ValueTask.FromResult(1)));
        await Assert.ThrowsAsync<IOException>(() => pipeline.ExecuteAsync(failing.RunAsync).AsTask()); // closed: runs again
    }

    [Fact]
    public void Each_call_makes_an_independent_pipeline()
    {
        var time = new RecordingTimeProvider();
        var first = StateRecovery.CreatePipeline(0, 0, BackoffStrategy.Fixed, 0, 1, 1000, time);
        var second = StateRecovery.CreatePipeline(0, 0, BackoffStrategy.Fixed, 0, 1, 1000, time);

        Assert.ThrowsAny<IOException>(() => first.Execute(() => throw new IOException()));

        Assert.Throws<BrokenCircuitException>(() => first.Execute(() => 0));
        Assert.Equal(0, second.Execute(() => 0));
    }

    [Theory]
    [InlineData(0, 0, 5, 0, 0, "deadlineMs")]
    [InlineData(0, 0, 0, 3, 0, "breakerOpenMs")]
    public void Bad_values_name_their_parameter(int maxRetries, int delayMs, int deadlineMs, int threshold, int openMs, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            StateRecovery.CreatePipeline(maxRetries, delayMs, BackoffStrategy.Fixed, deadlineMs, threshold, openMs, null));

        Assert.Equal(parameter, error.ParamName);
    }

    [Theory]
    [InlineData(typeof(RetryAttribute))]
    [InlineData(typeof(DeadlineAttribute))]
    [InlineData(typeof(CircuitBreakerAttribute))]
    [InlineData(typeof(FallbackAttribute))]
    [InlineData(typeof(CompensateAttribute))]
    public void The_state_attributes_go_on_methods_only(Type attribute)
    {
        var usage = attribute.GetCustomAttribute<AttributeUsageAttribute>()!;

        Assert.Equal(AttributeTargets.Method, usage.ValidOn);
        Assert.Equal("FsmGen.Patterns.ErrorRecovery", attribute.Namespace);
    }

    [Fact]
    public void The_attributes_carry_what_the_generator_reads()
    {
        var method = typeof(StateRecoveryTests).GetMethod(nameof(AnnotatedState), BindingFlags.NonPublic | BindingFlags.Static)!;

        var retry = method.GetCustomAttribute<RetryAttribute>()!;
        Assert.Equal((3, 100, BackoffStrategy.Linear), (retry.MaxRetries, retry.DelayMilliseconds, retry.Backoff));
        Assert.Equal(500, method.GetCustomAttribute<DeadlineAttribute>()!.Milliseconds);
        var breaker = method.GetCustomAttribute<CircuitBreakerAttribute>()!;
        Assert.Equal((5, 30000), (breaker.FailureThreshold, breaker.OpenMilliseconds));
        Assert.Equal(nameof(AnnotatedFallback), method.GetCustomAttribute<FallbackAttribute>()!.MethodName);
        Assert.Equal(nameof(AnnotatedUndo), method.GetCustomAttribute<CompensateAttribute>()!.MethodName);
    }

    // <state-attributes>
    [Retry(MaxRetries = 3, DelayMilliseconds = 100, Backoff = BackoffStrategy.Linear)]
    [Deadline(Milliseconds = 500)]
    [CircuitBreaker(FailureThreshold = 5, OpenMilliseconds = 30000)]
    [Fallback(nameof(AnnotatedFallback))]
    [Compensate(nameof(AnnotatedUndo))]
    private static int AnnotatedState(int input) => input;
    // </state-attributes>

    private static int AnnotatedFallback(int input) => -input;

    private static void AnnotatedUndo(int input) => _ = input;
}
