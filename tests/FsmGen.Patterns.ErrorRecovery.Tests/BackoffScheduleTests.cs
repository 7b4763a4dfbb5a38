namespace FsmGen.Patterns.ErrorRecovery.Tests;

/// <summary>
/// Backoff schedules read off the fake clock: the due time of every timer the retry arms, and the fake time at which
/// every attempt ran. No sleeping; the clock moves only when a timer exists.
/// </summary>
public sealed class BackoffScheduleTests
{
    [Theory]
    [InlineData(BackoffStrategy.Fixed, new[] { 100.0, 100, 100, 100 })]
    [InlineData(BackoffStrategy.Linear, new[] { 100.0, 200, 300, 400 })]
    [InlineData(BackoffStrategy.Exponential, new[] { 100.0, 200, 400, 800 })]
    public async Task Deterministic_schedules_wait_exactly_their_delays(BackoffStrategy backoff, double[] expectedMs)
    {
        var time = new RecordingTimeProvider();
        var operation = new FlakyOperation(failures: expectedMs.Length, time: time);
        using var workflow = RetryWorkflow(time, new RetryConfig(expectedMs.Length, TimeSpan.FromMilliseconds(100), backoff: backoff));

        var result = await time.DriveAsync(workflow.ExecuteAsync(operation.RunAsync).AsTask());

        Assert.Equal(expectedMs.Length + 1, result);
        Assert.Equal(expectedMs, time.DueTimes.Select(d => d.TotalMilliseconds));
        Assert.Equal(CumulativeFromZero(expectedMs), operation.AttemptTimesMs);
    }

    [Fact]
    public async Task Exponential_delays_stop_growing_at_the_max_delay()
    {
        var time = new RecordingTimeProvider();
        var operation = new FlakyOperation(failures: 6, time: time);
        var retry = new RetryConfig(6, TimeSpan.FromMilliseconds(100), multiplier: 3, maxDelay: TimeSpan.FromMilliseconds(1000));
        using var workflow = RetryWorkflow(time, retry);

        await time.DriveAsync(workflow.ExecuteAsync(operation.RunAsync).AsTask());

        double[] expected = [100, 300, 900, 1000, 1000, 1000];
        Assert.Equal(expected, time.DueTimes.Select(d => d.TotalMilliseconds));
        Assert.Equal(CumulativeFromZero(expected), operation.AttemptTimesMs);
    }

    [Fact]
    public async Task Jitter_stays_between_the_base_and_the_exponential_delay_and_repeats_with_the_same_seed()
    {
        var first = await JitteredDelaysAsync(BackoffStrategy.Jitter, seed: 42);
        var second = await JitteredDelaysAsync(BackoffStrategy.Jitter, seed: 42);

        Assert.Equal(first, second);
        for (var n = 0; n < first.Count; n++)
        {
            var ceiling = Math.Min(2000, 100 * Math.Pow(2, n));
            Assert.InRange(first[n], 100, ceiling);
        }

        Assert.Contains(first, delay => delay is not (100 or 200 or 400 or 800 or 1600 or 2000)); // really random
    }

    [Fact]
    public async Task Decorrelated_jitter_stays_between_the_base_and_three_times_the_previous_delay()
    {
        var first = await JitteredDelaysAsync(BackoffStrategy.DecorrelatedJitter, seed: 7);
        var second = await JitteredDelaysAsync(BackoffStrategy.DecorrelatedJitter, seed: 7);

        Assert.Equal(first, second);
        var previous = 100.0;
        foreach (var delay in first)
        {
            Assert.InRange(delay, 100, Math.Min(2000, previous * 3));
            previous = delay;
        }
    }

    private static async Task<List<double>> JitteredDelaysAsync(BackoffStrategy backoff, int seed)
    {
        var time = new RecordingTimeProvider();
        var operation = new FlakyOperation(failures: 8, time: time);
        var reported = new List<double>();
        var retry = new RetryConfig(
            8, TimeSpan.FromMilliseconds(100), maxDelay: TimeSpan.FromMilliseconds(2000), backoff: backoff,
            onRetry: info => reported.Add(info.Delay.TotalMilliseconds), random: new Random(seed));
        using var workflow = RetryWorkflow(time, retry);

        await time.DriveAsync(workflow.ExecuteAsync(operation.RunAsync).AsTask());

        var armed = time.DueTimes.Select(d => d.TotalMilliseconds).ToList();
        Assert.Equal(reported, armed); // the delay reported to on_retry is the one actually waited
        Assert.Equal(CumulativeFromZero(armed), operation.AttemptTimesMs);
        return armed;
    }

    private static ErrorRecoveryWorkflow RetryWorkflow(TimeProvider time, RetryConfig retry) =>
        new(new ErrorRecoveryConfig(RecoveryStrategy.Retry, retry: retry, timeProvider: time));

    private static double[] CumulativeFromZero(IReadOnlyList<double> delays)
    {
        var times = new double[delays.Count + 1];
        for (var i = 0; i < delays.Count; i++)
        {
            times[i + 1] = times[i] + delays[i];
        }

        return times;
    }
}
