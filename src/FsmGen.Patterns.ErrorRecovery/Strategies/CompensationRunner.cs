using Polly;
using Polly.Retry;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>Runs one compensation through its own Polly retry pipeline, so a flaky undo is retried like any call.</summary>
internal sealed class CompensationRunner(RetryConfig retry, TimeProvider time)
{
    private readonly ResiliencePipeline _pipeline = Build(retry, time);

    public ValueTask RunAsync(Func<CancellationToken, ValueTask> compensation, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(static (compensation, ct) => compensation(ct), compensation, cancellationToken);

    private static ResiliencePipeline Build(RetryConfig retry, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        PipelineStages.AddRetry(builder, retry, OutcomeClassifier.From(retry), telemetry: null);
        return builder.Build();
    }
}
