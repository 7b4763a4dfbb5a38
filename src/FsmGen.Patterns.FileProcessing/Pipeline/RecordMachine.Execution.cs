namespace FsmGen.Patterns.FileProcessing;

internal sealed partial class RecordMachine
{
    /// <summary>Runs one record through the generated machine and returns how it ended.</summary>
    /// <remarks>
    /// Stages record expected failures themselves, so the machine reaches an end state for every bad record. A state
    /// that throws anyway (a bug, not bad input) makes the generated run fail; the record then still ends in error,
    /// at the stage that threw, so that it is counted and not lost. Only cancellation throws.
    /// </remarks>
    public ValueTask<RecordEnd> ProcessAsync(RecordContext record, CancellationToken cancellationToken)
    {
        var run = RunAsync(record, cancellationToken);
        return run.IsCompletedSuccessfully ? new ValueTask<RecordEnd>(Ended(run.Result)) : AwaitEnded(run);

        static async ValueTask<RecordEnd> AwaitEnded(ValueTask<FlowResult<StateId, RecordContext>> running) => Ended(await running.ConfigureAwait(false));
    }

    private static RecordEnd Ended(FlowResult<StateId, RecordContext> result)
    {
        var record = result.Data;
        if (!result.Succeeded)
        {
            var stage = StageOf(result.FailedState);
            record.Failure ??= new StageFailure(stage, null, $"the {stage} stage failed unexpectedly: {result.Error!.GetType().Name}: {result.Error.Message}");
            record.End = RecordEnd.Error;
        }

        return record.End;
    }

    private static ProcessingStage StageOf(StateId? state) => state switch
    {
        StateId.Parse => ProcessingStage.Parse,
        StateId.Validate => ProcessingStage.Validate,
        StateId.Filter => ProcessingStage.Filter,
        StateId.Transform => ProcessingStage.Transform,
        StateId.Aggregate => ProcessingStage.Aggregate,
        StateId.Write or StateId.Complete => ProcessingStage.Write,
        _ => ProcessingStage.Read,
    };
}
