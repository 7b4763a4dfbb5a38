using FsmGen.Generators.Tests.Sources;
using FsmGen.Generators.Tests.Support;

namespace FsmGen.Generators.Tests;

/// <summary>The generated source of representative machines, compared with the files under Snapshots/.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void DataFlowMachine() => Verify(nameof(DataFlowMachine), MachineSources.DataFlow);

    [Fact]
    public void EventDrivenMachine() => Verify(nameof(EventDrivenMachine), MachineSources.EventDriven);

    [Fact]
    public void HierarchicalMachine() => Verify(nameof(HierarchicalMachine), MachineSources.Hierarchical);

    [Fact]
    public void AsyncDataFlowMachine() => Verify(nameof(AsyncDataFlowMachine), MachineSources.AsyncDataFlow);

    [Fact]
    public void AsyncEventDrivenMachine() => Verify(nameof(AsyncEventDrivenMachine), MachineSources.AsyncEventDriven);

    [Fact]
    public void NestedMachine() => Verify(nameof(NestedMachine), MachineSources.Nested);

    [Fact]
    public void PushSubflowMachine() => Verify(nameof(PushSubflowMachine), MachineSources.Push);

    [Fact]
    public void FileProcessingPattern() => Verify(nameof(FileProcessingPattern), MachineSources.FileProcessingPattern);

    [Fact]
    public void RecoveryMachines() => Verify(nameof(RecoveryMachines), MachineSources.Recovery);

    private static void Verify(string name, string source)
    {
        var run = GeneratorHarness.Run(source);

        Assert.Null(run.Result.Exception);
        Expect.None(run.GeneratorDiagnostics, "Generator diagnostics");
        Assert.NotEmpty(run.Sources);
        // Warnings-as-errors semantics: any warning in user or generated code fails the test.
        Expect.Clean(run.OutputDiagnostics, "The output compilation is not clean");
        Snapshot.Match(name, run.GeneratedText());
    }
}
