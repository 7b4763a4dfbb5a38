using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FsmGen.Patterns.ErrorRecovery.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task GetMetrics_and_the_meter_count_the_same_executions()
    {
        var name = $"metrics-{Guid.NewGuid():N}"; // tests run in parallel on one shared Meter: filter by workflow
        using var meter = new MeterRecorder(name);
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Retry,
            [RecoveryStrategy.Fallback],
            retry: new RetryConfig(maxRetries: 2, baseDelay: TimeSpan.Zero),
            fallback: FallbackConfig.FromValue(-1, handles: error => error is ArgumentException),
            name: name));

        await workflow.ExecuteAsync(_ => ValueTask.FromResult(1));                                        // 1 attempt
        await workflow.ExecuteAsync(new FlakyOperation(failures: 1).RunAsync);                            // 2 attempts, 1 retry
        await workflow.ExecuteAsync<int>(_ => throw new ArgumentException("permanent"));                  // 1 attempt, fallback
        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(new FlakyOperation(int.MaxValue).RunAsync).AsTask()); // 3 attempts, 2 retries

        var metrics = workflow.GetMetrics();
        Assert.Equal(new ErrorRecoveryMetrics(
            Successes: 3, Failures: 1, Attempts: 7, Retries: 3, Fallbacks: 1, CacheHits: 0, Compensations: 0,
            CompensationFailures: 0, CircuitTransitions: 0, BulkheadRejections: 0, Alerts: 0), metrics);
        Assert.Equal(4, metrics.Executions);
        Assert.Equal(0.75, metrics.SuccessRate);
        Assert.Equal(0.75, metrics.AverageRetryCount);

        Assert.Equal(3, meter.Sum(ErrorRecoveryInstruments.Executions, "success"));
        Assert.Equal(1, meter.Sum(ErrorRecoveryInstruments.Executions, "failure"));
        Assert.Equal(7, meter.Sum(ErrorRecoveryInstruments.Attempts));
        Assert.Equal(3, meter.Sum(ErrorRecoveryInstruments.Retries));
        Assert.Equal(1, meter.Sum(ErrorRecoveryInstruments.Fallbacks));
        Assert.Equal(4, meter.Count(ErrorRecoveryInstruments.ExecutionDuration));
    }

    [Fact]
    public async Task Circuit_transitions_are_published_with_the_state_entered()
    {
        var name = $"breaker-{Guid.NewGuid():N}";
        using var meter = new MeterRecorder(name);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.CircuitBreaker,
            circuitBreaker: new CircuitBreakerConfig(1, openDuration: TimeSpan.FromSeconds(1)),
            timeProvider: time,
            name: name));

        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync<int>(_ => throw new IOException()).AsTask());
        time.Advance(TimeSpan.FromSeconds(1));
        await workflow.ExecuteAsync(_ => ValueTask.FromResult(0));

        Assert.Equal(["Open", "HalfOpen", "Closed"], meter.Tags(ErrorRecoveryInstruments.CircuitTransitions, ErrorRecoveryInstruments.StateTag));
        Assert.Equal(3, workflow.GetMetrics().CircuitTransitions);
    }

    [Fact]
    public void The_meter_is_named_after_the_package()
    {
        Assert.Equal("FsmGen.Patterns.ErrorRecovery", ErrorRecoveryInstruments.MeterName);
    }

    /// <summary>Listens to the workflow meter and keeps the measurements of one workflow.</summary>
    private sealed class MeterRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

        public MeterRecorder(string workflow)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ErrorRecoveryInstruments.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags, workflow));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags, workflow));
            _listener.Start();
        }

        public long Sum(string instrument, string? outcome = null) => (long)_measurements
            .Where(m => m.Instrument == instrument && (outcome is null || Equals(m.Tags[ErrorRecoveryInstruments.OutcomeTag], outcome)))
            .Sum(m => m.Value);

        public int Count(string instrument) => _measurements.Count(m => m.Instrument == instrument);

        public string[] Tags(string instrument, string tag) =>
            [.. _measurements.Where(m => m.Instrument == instrument).Select(m => (string)m.Tags[tag]!)];

        public void Dispose() => _listener.Dispose();

        private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, string workflow)
        {
            var all = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                all[tag.Key] = tag.Value;
            }

            if (Equals(all.GetValueOrDefault(ErrorRecoveryInstruments.WorkflowTag), workflow))
            {
                _measurements.Enqueue((instrument.Name, value, all));
            }
        }
    }
}
