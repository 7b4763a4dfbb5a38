namespace FsmGen.Patterns.Etl;

/// <summary>
/// What the records of a run are and which machine takes them from extract to load: the dictionary route (the config's
/// field mappings, validation schema, transformations and enrichments on <see cref="FsmGen.Patterns.FileProcessing.Record"/>s) or the typed
/// route of a <c>[Pattern("Etl")]</c> class. Batching, loading, checkpoints and counting are the run's, and the same for both.
/// </summary>
internal abstract class EtlRoute
{
    /// <summary>Prepares a run into the opened target (whose columns are then known), before anything is read.</summary>
    public abstract Task<EtlRouteRun> StartAsync(EtlConfig config, TargetLoader loader, CancellationToken cancellationToken);
}

/// <summary>One run of a route: its source reader, its per-record machines and the shape of its rows.</summary>
internal abstract class EtlRouteRun
{
    /// <summary>The loaded columns, once known (the dictionary route fixes them from the first record that reaches the load stage).</summary>
    public abstract LoadShape? Shape { get; }

    /// <summary>Opens the source after <paramref name="after"/> (null: from the beginning).</summary>
    public abstract SourceReader OpenReader(SourcePosition? after, bool keepPositions);

    /// <summary>A per-record machine for one worker.</summary>
    public abstract IEtlRecordProcessor CreateProcessor();
}

/// <summary>Takes one record through a per-record machine, to an end state; only cancellation throws.</summary>
internal interface IEtlRecordProcessor
{
    ValueTask ProcessAsync(EtlRecord record, CancellationToken cancellationToken);
}

/// <summary>The dictionary route: records are dictionaries, the stages are the config's, the machine is <see cref="EtlRecordMachine"/>.</summary>
internal sealed class DictionaryRoute : EtlRoute
{
    public static readonly DictionaryRoute Instance = new();

    private DictionaryRoute()
    {
    }

    public override async Task<EtlRouteRun> StartAsync(EtlConfig config, TargetLoader loader, CancellationToken cancellationToken) =>
        new Run(config, await EtlStages.CreateAsync(config, loader.Schema, cancellationToken).ConfigureAwait(false));

    private sealed class Run(EtlConfig config, EtlStages stages) : EtlRouteRun
    {
        public override LoadShape? Shape => stages.Shape;

        public override SourceReader OpenReader(SourcePosition? after, bool keepPositions) => SourceReader.Open(config, after, keepPositions);

        public override IEtlRecordProcessor CreateProcessor() => new EtlRecordMachine(stages);
    }
}
