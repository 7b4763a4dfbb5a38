using FsmGen;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// The per-record stage graph of the file processor, as an FsmGen data-flow machine:
/// read -> parse -> [validate] -> [filter] -> [transform] -> [aggregate] -> write -> complete,
/// with the end states <see cref="Filtered"/> and <see cref="Error"/>, which emit nothing.
/// Stages that the config leaves off are bypassed by the guards that read its flags, so every run visits only the
/// enabled stages. Each stage records its own failure on the context (expected failures such as a broken validation
/// rule are not exceptions, which would cost far more per bad record), and the highest-priority transition of every
/// stage routes a failed record to Error. FsmGen generates the executor (<c>RunAsync</c>, <c>StateId</c>, <c>Graph</c>,
/// <c>Mermaid</c>) from these attributes at compile time; <see cref="ProcessAsync"/> wraps it.
/// </summary>
[StateMachine]
internal sealed partial class RecordMachine
{
    private readonly RecordStages _stages;
    private readonly IRecordSink _sink;

    public RecordMachine(RecordStages stages, IRecordSink sink)
    {
        _stages = stages;
        _sink = sink;
    }

    // The reader has already read the record; records it could not read arrive here with their failure set.
    [State(Start = true)]
    [Transition(To = nameof(Error), When = nameof(HasFailed), Priority = 1)]
    [Transition(To = nameof(Parse))]
    private RecordContext Read(RecordContext r) => r;

    [State]
    [Transition(To = nameof(Error), When = nameof(HasFailed), Priority = 1)]
    [Transition(To = nameof(Validate), When = nameof(ValidationEnabled))]
    [Transition(To = nameof(Filter), When = nameof(FilteringEnabled))]
    [Transition(To = nameof(Transform), When = nameof(TransformationEnabled))]
    [Transition(To = nameof(Aggregate), When = nameof(AggregationEnabled))]
    [Transition(To = nameof(Write))]
    private RecordContext Parse(RecordContext r)
    {
        if (_stages.Parser is { } parser && r.Record is null)
        {
            r.Record = parser.Parse(r);
        }

        return r;
    }

    [State]
    [Transition(To = nameof(Error), When = nameof(HasFailed), Priority = 1)]
    [Transition(To = nameof(Filter), When = nameof(FilteringEnabled))]
    [Transition(To = nameof(Transform), When = nameof(TransformationEnabled))]
    [Transition(To = nameof(Aggregate), When = nameof(AggregationEnabled))]
    [Transition(To = nameof(Write))]
    private RecordContext Validate(RecordContext r)
    {
        try
        {
            if (_stages.Validator!.Validate(r.Record!) is { } broken)
            {
                r.Failure = new StageFailure(ProcessingStage.Validate, broken.Field, broken.Reason);
            }
        }
        catch (Exception e)
        {
            r.Failure = StageFailures.From(ProcessingStage.Validate, "a validation rule", e);
        }

        return r;
    }

    [State]
    [Transition(To = nameof(Error), When = nameof(HasFailed), Priority = 1)]
    [Transition(To = nameof(Filtered), When = nameof(IsFilteredOut), Priority = 1)]
    [Transition(To = nameof(Transform), When = nameof(TransformationEnabled))]
    [Transition(To = nameof(Aggregate), When = nameof(AggregationEnabled))]
    [Transition(To = nameof(Write))]
    private async ValueTask<RecordContext> Filter(RecordContext r, CancellationToken cancellationToken)
    {
        var filters = _stages.Filters;
        for (var i = 0; i < filters.Count; i++)
        {
            try
            {
                if (!await filters[i].PassesAsync(r.Record!, cancellationToken).ConfigureAwait(false))
                {
                    r.FilteredOut = true;
                    break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                r.Failure = StageFailures.From(ProcessingStage.Filter, $"filter {i + 1}", e);
                break;
            }
        }

        return r;
    }

    [State]
    [Transition(To = nameof(Error), When = nameof(HasFailed), Priority = 1)]
    [Transition(To = nameof(Aggregate), When = nameof(AggregationEnabled))]
    [Transition(To = nameof(Write))]
    private async ValueTask<RecordContext> Transform(RecordContext r, CancellationToken cancellationToken)
    {
        var transformations = _stages.Transformations;
        for (var i = 0; i < transformations.Count; i++)
        {
            try
            {
                r.Record = await transformations[i].InvokeAsync(r.Record!, cancellationToken).ConfigureAwait(false);
                if (r.Record is null)
                {
                    r.Failure = new StageFailure(ProcessingStage.Transform, null, $"transformation {i + 1} returned null");
                    break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                r.Failure = StageFailures.From(ProcessingStage.Transform, $"transformation {i + 1}", e);
                break;
            }
        }

        return r;
    }

    [State]
    [Transition(To = nameof(Error), When = nameof(HasFailed), Priority = 1)]
    [Transition(To = nameof(Write))]
    private RecordContext Aggregate(RecordContext r)
    {
        var aggregations = _stages.Aggregations;
        var summary = new Record(aggregations.Count);
        foreach (var aggregation in aggregations)
        {
            try
            {
                summary[aggregation.Name] = aggregation.Compute(r.Record!);
            }
            catch (Exception e)
            {
                r.Failure = StageFailures.From(ProcessingStage.Aggregate, $"aggregation '{aggregation.Name}'", e) with { Field = aggregation.Name };
                return r;
            }
        }

        r.Record = summary;
        return r;
    }

    [State]
    [Transition(To = nameof(Error), When = nameof(HasFailed), Priority = 1)]
    [Transition(To = nameof(Complete))]
    private async ValueTask<RecordContext> Write(RecordContext r, CancellationToken cancellationToken)
    {
        r.Failure = await _sink.AcceptAsync(r.Record!, cancellationToken).ConfigureAwait(false);
        return r;
    }

    [State(End = true)]
    private void Complete(RecordContext r) => r.End = RecordEnd.Written;

    [State(End = true, EmitOutput = false)]
    private void Filtered(RecordContext r) => r.End = RecordEnd.Filtered;

    [State(End = true, EmitOutput = false)]
    private void Error(RecordContext r) => r.End = RecordEnd.Error;

    private bool HasFailed(RecordContext r) => r.Failure is not null;

    private bool IsFilteredOut(RecordContext r) => r.FilteredOut;

    private bool ValidationEnabled(RecordContext r) => _stages.Validator is not null;

    private bool FilteringEnabled(RecordContext r) => _stages.Filters.Count > 0;

    private bool TransformationEnabled(RecordContext r) => _stages.Transformations.Count > 0;

    private bool AggregationEnabled(RecordContext r) => _stages.Aggregations.Count > 0;
}
