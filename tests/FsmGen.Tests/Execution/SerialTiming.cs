namespace FsmGen.Tests.Execution;

/// <summary>
/// Tests whose assertions depend on how far a producer gets while a consumer is stalled: they run alone, so the other
/// test classes running in parallel on a 2-core machine cannot starve the stages they observe.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTiming
{
    public const string Name = "Serial timing";
}
