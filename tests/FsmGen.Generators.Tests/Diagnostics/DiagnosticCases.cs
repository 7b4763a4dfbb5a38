namespace FsmGen.Generators.Tests.Diagnostics;

/// <summary>Every diagnostic case, one or more per FSM ID, grouped by the kind of rule in the partial files beside this one.</summary>
internal static partial class DiagnosticCases
{
    private static readonly Lazy<IReadOnlyDictionary<string, DiagnosticCase>> LazyAll = new(() =>
        ClassRules().Concat(GraphRules()).Concat(MethodRules()).Concat(EventRules()).Concat(TransitionRules()).Concat(PatternRules()).Concat(RecoveryRules())
            .ToDictionary(c => c.Name));

    public static IReadOnlyDictionary<string, DiagnosticCase> All => LazyAll.Value;
}
