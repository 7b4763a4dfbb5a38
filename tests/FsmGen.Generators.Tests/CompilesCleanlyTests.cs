using FsmGen.Generators.Tests.Sources;
using FsmGen.Generators.Tests.Support;

namespace FsmGen.Generators.Tests;

/// <summary>Valid machines produce no generator diagnostics, and user + generated code compiles with warnings as errors.</summary>
public sealed class CompilesCleanlyTests
{
    public static TheoryData<string> ValidMachines()
    {
        var data = new TheoryData<string>();
        foreach (var name in Machines.Keys.OrderBy(k => k, StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    private static IReadOnlyDictionary<string, string> Machines { get; } = new Dictionary<string, string>
    {
        ["showcase Door"] = MachineSources.Door,
        ["showcase OrderPipeline"] = MachineSources.OrderPipeline,
        ["data-flow"] = MachineSources.DataFlow,
        ["event-driven"] = MachineSources.EventDriven,
        ["hierarchical"] = MachineSources.Hierarchical,
        ["async data-flow"] = MachineSources.AsyncDataFlow,
        ["async event-driven"] = MachineSources.AsyncEventDriven,
        ["nested"] = MachineSources.Nested,
        ["push subflow"] = MachineSources.Push,
        ["pattern FileProcessing"] = MachineSources.FileProcessingPattern,
        ["pattern FileProcessing, every member kind"] = MachineSources.FileProcessingAllKinds,
        ["error recovery"] = MachineSources.Recovery,
    }.Concat(MachineSources.EdgeShapes).ToDictionary(p => p.Key, p => p.Value);

    [Theory]
    [MemberData(nameof(ValidMachines))]
    public void CompilesWithWarningsAsErrors(string name)
    {
        var compilation = TestCompilation.Create(new[] { TestCompilation.Parse(Machines[name]) }, warningsAsErrors: true);

        var run = GeneratorHarness.Run(compilation);

        Assert.Null(run.Result.Exception);
        Expect.None(run.GeneratorDiagnostics, "Generator diagnostics");
        Assert.NotEmpty(run.Sources);
        Expect.Clean(run.OutputDiagnostics, "The output compilation is not clean");
    }

    [Fact]
    public void AllValidMachinesCompileTogether()
    {
        // Same names in different namespaces, several machines in one compilation, one hint name each.
        var trees = Machines.Values.Select((source, i) => TestCompilation.Parse(source, "Machine" + i + ".cs")).ToArray();
        var compilation = TestCompilation.Create(trees, warningsAsErrors: true);

        var run = GeneratorHarness.Run(compilation);

        Expect.None(run.GeneratorDiagnostics, "Generator diagnostics");
        Assert.Equal(run.HintNames.Count, run.HintNames.Distinct().Count());
        Expect.Clean(run.OutputDiagnostics, "The output compilation is not clean");
    }
}
