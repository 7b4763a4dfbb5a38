using System.Data.Common;
using FsmGen.Patterns.Etl.Generated;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// The typed route of a <c>[Pattern("Etl")]</c> class: the generated format reads each source row into the record type,
/// the generated machine (the class itself) takes it through the class's stages, and the generated format writes the
/// staged records into the target. The run around it — batches, units, checkpoints, the ledger — is the dictionary route's.
/// </summary>
internal sealed class TypedRoute<TState, TRecord>(IDataFlowMachine<TState, EtlRecord<TRecord>> machine, EtlRecordFormat<TRecord> format) : EtlRoute
    where TState : struct, Enum
{
    public override async Task<EtlRouteRun> StartAsync(EtlConfig config, TargetLoader loader, CancellationToken cancellationToken)
    {
        var shape = TypedRowShape<TRecord>.Create(format, config, loader.Schema);
        await loader.PrepareAsync(shape, cancellationToken).ConfigureAwait(false);
        return new Run(config, format, shape, new TypedProcessor(machine));
    }

    private sealed class Run(EtlConfig config, EtlRecordFormat<TRecord> format, TypedRowShape<TRecord> shape, TypedProcessor processor) : EtlRouteRun
    {
        public override LoadShape? Shape => shape;

        public override SourceReader OpenReader(SourcePosition? after, bool keepPositions) =>
            new TypedSourceReader<TRecord>(config, format, shape, after?.Order, keepPositions);

        // The generated machine keeps no state of its own between records, so every worker may share it.
        public override IEtlRecordProcessor CreateProcessor() => processor;
    }

    /// <summary>Runs a record through the generated machine; a failure the machine did not route becomes the record's error.</summary>
    private sealed class TypedProcessor(IDataFlowMachine<TState, EtlRecord<TRecord>> machine) : IEtlRecordProcessor
    {
        public ValueTask ProcessAsync(EtlRecord record, CancellationToken cancellationToken)
        {
            var typed = (EtlRecord<TRecord>)record;
            var run = machine.RunAsync(typed, cancellationToken);
            if (run.IsCompletedSuccessfully)
            {
                Finish(typed, run.Result);
                return default;
            }

            return AwaitAsync(typed, run);
        }

        private static async ValueTask AwaitAsync(EtlRecord<TRecord> record, ValueTask<FlowResult<TState, EtlRecord<TRecord>>> run) =>
            Finish(record, await run.ConfigureAwait(false));

        private static void Finish(EtlRecord<TRecord> record, FlowResult<TState, EtlRecord<TRecord>> result)
        {
            var error = result.Error ?? result.HandledError;
            if (error is null && record.End != EtlRecordEnd.Running)
            {
                return;
            }

            var stage = StageOf(result.FailedState?.ToString());
            record.Failure = new EtlFailure(stage, null, error is null
                ? $"the {stage} stage ended without an outcome"
                : $"the {stage} stage failed unexpectedly: {error.GetType().Name}: {error.Message}");
            record.End = EtlRecordEnd.Error;
        }

        private static EtlStage StageOf(string? state) => state switch
        {
            "Validate" => EtlStage.Validate,
            "Transform" => EtlStage.Transform,
            "Enrich" => EtlStage.Enrich,
            "Load" or "Complete" => EtlStage.Load,
            _ => EtlStage.Extract,
        };
    }
}

/// <summary>
/// Reads a database source into typed records with the generated format: each member's column is found once per query
/// (by its name after field mappings, exactly or ignoring case and underscores), then every row is read by ordinal. A
/// required member without a column stops the run before the first row; a value that does not fit its member makes
/// that record an error at the extract stage, with its position, column and member.
/// </summary>
internal sealed class TypedSourceReader<TRecord>(EtlConfig config, EtlRecordFormat<TRecord> format, TypedRowShape<TRecord> shape, object?[]? after, bool keepPositions)
    : DatabaseReaderBase(config, after)
{
    private EtlSourceRow? _row;
    private int[] _orderOrdinals = [];

    protected override void Prepare(DbDataReader reader, string[] names, int[] orderOrdinals)
    {
        var members = format.Members;
        var ordinals = new int[members.Count];
        for (var i = 0; i < ordinals.Length; i++)
        {
            var member = members[i];
            var what = $"Member '{member.Name}' of {typeof(TRecord).Name}";
            ordinals[i] = ColumnNames.Find(member.Column, names, "the source", what);
            if (ordinals[i] < 0 && member.Required)
            {
                throw new EtlException($"{what} has no column in the source (looked for '{member.Column}' among the source's columns after FieldMappings, case and underscores ignored: {string.Join(", ", names)}); select it, map a column onto it, or give the member a default value.");
            }
        }

        _row = new EtlSourceRow(reader, members, ordinals);
        _orderOrdinals = keepPositions ? orderOrdinals : [];
    }

    protected override EtlRecord ReadRow(DbDataReader reader, long position)
    {
        var row = _row!;
        object?[]? orderValues = null;
        if (_orderOrdinals.Length > 0)
        {
            orderValues = new object?[_orderOrdinals.Length];
            for (var k = 0; k < orderValues.Length; k++)
            {
                orderValues[k] = reader.IsDBNull(_orderOrdinals[k]) ? null : reader.GetValue(_orderOrdinals[k]);
            }
        }

        if (format.TryRead(row, out var value))
        {
            return new EtlRecord<TRecord>(position, value, shape) { OrderValues = orderValues };
        }

        var failure = row.Failure;
        row.Failure = null;
        return new EtlRecord<TRecord>(position, default!, shape) { OrderValues = orderValues, Failure = failure };
    }
}
