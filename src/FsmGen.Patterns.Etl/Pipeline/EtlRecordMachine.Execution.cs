namespace FsmGen.Patterns.Etl;

internal sealed partial class EtlRecordMachine : IEtlRecordProcessor
{
    // The state whose body threw during the current record's run; a machine runs one record at a time.
    private StateId? _threwIn;

    /// <summary>Runs one record through the generated machine; only cancellation throws.</summary>
    /// <remarks>
    /// A state that throws is routed to <see cref="Error"/> by its <c>OnFailure</c> transition; the exception it threw
    /// is then the record's reason, at the stage that threw, so that the record is counted and not lost.
    /// </remarks>
    public async ValueTask ProcessAsync(EtlRecordContext record, CancellationToken cancellationToken)
    {
        _threwIn = null;
        var run = RunAsync(record, cancellationToken);
        var result = run.IsCompletedSuccessfully ? run.Result : await run.ConfigureAwait(false);
        var error = result.Error ?? result.HandledError;
        if (error is not null || record.End is EtlRecordEnd.Running)
        {
            var stage = StageOf(result.FailedState ?? _threwIn);
            record.Failure = new EtlFailure(stage, null, error is null
                ? $"the {stage} stage ended without an outcome"
                : $"the {stage} stage failed unexpectedly: {error.GetType().Name}: {error.Message}");
            record.End = EtlRecordEnd.Error;
        }
    }

    ValueTask IEtlRecordProcessor.ProcessAsync(EtlRecord record, CancellationToken cancellationToken) =>
        ProcessAsync((EtlRecordContext)record, cancellationToken);

    partial void OnError(StateId state, Exception error) => _threwIn ??= state;

    private static EtlStage StageOf(StateId? state) => state switch
    {
        StateId.Validate => EtlStage.Validate,
        StateId.Transform => EtlStage.Transform,
        StateId.Enrich => EtlStage.Enrich,
        StateId.Load or StateId.Complete => EtlStage.Load,
        _ => EtlStage.Extract,
    };
}
