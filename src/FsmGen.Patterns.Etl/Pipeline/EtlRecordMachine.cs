using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// The per-record path of the ETL pattern as an FsmGen data-flow machine:
/// extract -> [validate] -> [transform] -> [enrich] -> load -> complete, with the end state <see cref="Rejected"/> for
/// records the validation schema refuses and <see cref="Error"/> for records that fail; neither emits anything.
/// Stages the config leaves off are bypassed by guards that read it. Expected failures (a broken rule, a transformation
/// that throws, a value that does not fit its column) are recorded on the context by the stage that meets them, which
/// costs far less than an exception per bad record; anything a stage throws anyway is routed to <see cref="Error"/> by
/// its <c>OnFailure</c> transition. The load state stages the record's row for its batch: the batch is then written
/// set-based (COPY + one upsert, or prepared SQLite statements) in one transaction with the checkpoint.
/// FsmGen generates the executor (<c>RunAsync</c>, <c>StateId</c>, <c>Graph</c>) from these attributes at compile time.
/// </summary>
[StateMachine]
internal sealed partial class EtlRecordMachine
{
    private readonly EtlStages _stages;

    public EtlRecordMachine(EtlStages stages) => _stages = stages;

    // The reader has read the record; records it could not read arrive here already failed.
    [State(Start = true)]
    [Transition(To = nameof(Error), When = nameof(HasFailed), Priority = 1)]
    [Transition(To = nameof(Validate), When = nameof(ValidationEnabled))]
    [Transition(To = nameof(Transform), When = nameof(TransformationEnabled))]
    [Transition(To = nameof(Enrich), When = nameof(EnrichmentEnabled))]
    [Transition(To = nameof(Load))]
    [Transition(To = nameof(Error), OnFailure = true)]
    private EtlRecordContext Extract(EtlRecordContext r)
    {
        if (r.Failure is null && !r.NamesMapped && _stages.FieldMappings.Count > 0)
        {
            r.Failure = ApplyMappings(r.Record);
        }

        return r;
    }

    [State]
    [Transition(To = nameof(Rejected), When = nameof(IsRejected), Priority = 1)]
    [Transition(To = nameof(Transform), When = nameof(TransformationEnabled))]
    [Transition(To = nameof(Enrich), When = nameof(EnrichmentEnabled))]
    [Transition(To = nameof(Load))]
    [Transition(To = nameof(Error), OnFailure = true)]
    private EtlRecordContext Validate(EtlRecordContext r)
    {
        if (_stages.Validator!.Validate(r.Record) is { } broken)
        {
            r.Failure = broken;
            r.Rejected = true;
        }

        return r;
    }

    [State]
    [Transition(To = nameof(Error), When = nameof(HasFailed), Priority = 1)]
    [Transition(To = nameof(Enrich), When = nameof(EnrichmentEnabled))]
    [Transition(To = nameof(Load))]
    [Transition(To = nameof(Error), OnFailure = true)]
    private async ValueTask<EtlRecordContext> Transform(EtlRecordContext r, CancellationToken cancellationToken)
    {
        var transformations = _stages.Transformations;
        for (var i = 0; i < transformations.Count; i++)
        {
            try
            {
                var transformed = await transformations[i].InvokeAsync(r.Record, cancellationToken).ConfigureAwait(false);
                if (transformed is null)
                {
                    r.Failure = new EtlFailure(EtlStage.Transform, null, $"transformation {i + 1} returned null");
                    break;
                }

                r.Record = transformed;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                r.Failure = new EtlFailure(EtlStage.Transform, null, $"transformation {i + 1} threw {e.GetType().Name}: {e.Message}");
                break;
            }
        }

        return r;
    }

    [State]
    [Transition(To = nameof(Error), When = nameof(HasFailed), Priority = 1)]
    [Transition(To = nameof(Load))]
    [Transition(To = nameof(Error), OnFailure = true)]
    private async ValueTask<EtlRecordContext> Enrich(EtlRecordContext r, CancellationToken cancellationToken)
    {
        foreach (var step in _stages.Enrichments)
        {
            try
            {
                switch (step)
                {
                    case LookupTable lookup:
                        r.Failure = lookup.Apply(r.Record, _stages.IncludeValues);
                        break;
                    case ComputedEnrichment computed:
                        r.Record[computed.Field] = computed.Compute(r.Record);
                        break;
                    case FunctionEnrichment function:
                        var enriched = await function.Enrich(r.Record, cancellationToken).ConfigureAwait(false);
                        if (enriched is null)
                        {
                            r.Failure = new EtlFailure(EtlStage.Enrich, null, $"{function.Description} returned null");
                        }
                        else
                        {
                            r.Record = enriched;
                        }

                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                r.Failure = new EtlFailure(EtlStage.Enrich, (step as ComputedEnrichment)?.Field, $"{step} threw {e.GetType().Name}: {e.Message}");
            }

            if (r.Failure is not null)
            {
                break;
            }
        }

        return r;
    }

    [State]
    [Transition(To = nameof(Error), When = nameof(HasFailed), Priority = 1)]
    [Transition(To = nameof(Complete))]
    [Transition(To = nameof(Error), OnFailure = true)]
    private EtlRecordContext Load(EtlRecordContext r)
    {
        r.Failure = _stages.ShapeFor(r.Record, out var shape);
        if (r.Failure is null)
        {
            r.Failure = shape!.TryStage(r.Record, out var row);
            r.Row = row;
        }

        return r;
    }

    [State(End = true)]
    private void Complete(EtlRecordContext r) => r.End = EtlRecordEnd.Staged;

    [State(End = true, EmitOutput = false)]
    private void Rejected(EtlRecordContext r) => r.End = EtlRecordEnd.Rejected;

    [State(End = true, EmitOutput = false)]
    private void Error(EtlRecordContext r) => r.End = EtlRecordEnd.Error;

    private bool HasFailed(EtlRecordContext r) => r.Failure is not null;

    private bool IsRejected(EtlRecordContext r) => r.Rejected;

    private bool ValidationEnabled(EtlRecordContext r) => _stages.Validator is not null;

    private bool TransformationEnabled(EtlRecordContext r) => _stages.Transformations.Count > 0;

    private bool EnrichmentEnabled(EtlRecordContext r) => _stages.Enrichments.Count > 0;

    private EtlFailure? ApplyMappings(Record record)
    {
        // Collect first, then write: a mapping may rename onto a name another mapping renames away (a <-> b).
        List<(string To, object? Value)>? moved = null;
        foreach (var (from, to) in _stages.FieldMappings)
        {
            if (from != to && record.Remove(from, out var value))
            {
                (moved ??= []).Add((to, value));
            }
        }

        if (moved is null)
        {
            return null;
        }

        foreach (var (to, value) in moved)
        {
            if (!record.TryAdd(to, value))
            {
                return new EtlFailure(EtlStage.Extract, to, $"a field mapping renames a field to '{to}', but the record already has a '{to}' field");
            }
        }

        return null;
    }
}
