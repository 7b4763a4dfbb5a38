namespace FsmGen.Generators;

/// <summary>Names of the incremental pipeline steps, so tests can check that each is cached.</summary>
internal static class TrackingNames
{
    public const string Machines = nameof(Machines);
    public const string Patterns = nameof(Patterns);
}
