using BenchmarkDotNet.Attributes;
using FsmGen.Patterns.ErrorRecovery;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace FsmGen.Benchmarks;

/// <summary>
/// The cost of the error recovery layer on the happy path: one successful call through retry + circuit breaker.
/// <list type="bullet">
/// <item><c>RawPolly</c> (baseline): Polly's own retry and circuit breaker, the "same pipeline" written by hand.</item>
/// <item><c>WorkflowPipeline</c>: the pipeline an <see cref="ErrorRecoveryWorkflow"/> composes (Polly retry + this
/// library's Closed/Open/HalfOpen breaker), executed through Polly's API: isolates the breaker's cost.</item>
/// <item><c>Workflow</c>: <see cref="ErrorRecoveryWorkflow.ExecuteAsync{T}(Func{CancellationToken, ValueTask{T}}, CancellationToken)"/>,
/// adding execution/attempt counters, the failure streak and the Meter.</item>
/// <item><c>Direct</c>: the operation called directly, no protection.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class ErrorRecoveryBenchmarks
{
    private static readonly Func<CancellationToken, ValueTask<int>> Operation = static _ => new ValueTask<int>(42);

    private ResiliencePipeline _rawPolly = null!;
    private ErrorRecoveryWorkflow _workflow = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rawPolly = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Exponential,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 5,
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            .Build();

        _workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Retry,
            [RecoveryStrategy.CircuitBreaker],
            retry: new RetryConfig(maxRetries: 3, baseDelay: TimeSpan.FromMilliseconds(100)),
            circuitBreaker: new CircuitBreakerConfig(failureThreshold: 5, openDuration: TimeSpan.FromSeconds(30)),
            name: "benchmark"));
    }

    [GlobalCleanup]
    public void Cleanup() => _workflow.Dispose();

    [Benchmark(Baseline = true)]
    public ValueTask<int> RawPolly() => _rawPolly.ExecuteAsync(Operation);

    [Benchmark]
    public ValueTask<int> WorkflowPipeline() => _workflow.Pipeline.ExecuteAsync(Operation);

    [Benchmark]
    public ValueTask<int> Workflow() => _workflow.ExecuteAsync(Operation);

    [Benchmark]
    public ValueTask<int> Direct() => Operation(CancellationToken.None);
}
