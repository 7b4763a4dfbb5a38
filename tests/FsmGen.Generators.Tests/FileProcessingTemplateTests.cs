using FsmGen.Generators.Tests.Sources;
using FsmGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Generators.Tests;

/// <summary>The FileProcessing template, which ships in <c>PatternRegistry.Default</c>: its two files, the pipeline cache, and bad input.</summary>
public sealed class FileProcessingTemplateTests
{
    [Fact]
    public void EmitsTheMachineAndTheTemplatesPartWhichCompileTogetherWithoutWarnings()
    {
        var run = GeneratorHarness.Run(TestCompilation.Create(new[] { TestCompilation.Parse(MachineSources.FileProcessingPattern) }, warningsAsErrors: true));

        Assert.Null(run.Result.Exception);
        Expect.None(run.GeneratorDiagnostics, "Generator diagnostics");
        Assert.Equal(new[] { "Demo.Files.PaidOrders.FileProcessing.g.cs", "Demo.Files.PaidOrders.g.cs" }, run.HintNames);
        Expect.Clean(run.OutputDiagnostics, "The output compilation is not clean");

        var type = run.Output.GetTypeByMetadataName("Demo.Files.PaidOrders")!;
        var states = run.Output.GetTypeByMetadataName("Demo.Files.PaidOrders+StateId")!.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name);
        Assert.Equal(new[] { "Parse", "Validate", "Filter", "Transform", "Aggregate", "Written", "Filtered", "Invalid" }, states);
        Assert.Equal(2, type.GetMembers("ProcessAsync").Length);
        Assert.Contains(type.AllInterfaces, i => i.Name == "IDataFlowMachine");
    }

    [Fact]
    public void OnlyTheStagesWithSlotMethodsAreStates()
    {
        var source = MachineSources.FileProcessingPattern
            .Replace("[Validate(Field = \"Email\")]", "", StringComparison.Ordinal)
            .Replace("[Aggregate]", "", StringComparison.Ordinal);

        var run = GeneratorHarness.Run(source);

        Expect.None(run.GeneratorDiagnostics, "Generator diagnostics");
        Expect.Clean(run.OutputDiagnostics, "The output compilation is not clean");
        var mermaid = (string)run.Output.GetTypeByMetadataName("Demo.Files.PaidOrders")!.GetMembers("Mermaid").OfType<IFieldSymbol>().Single().ConstantValue!;
        Assert.Contains("Parse --> Filter\n", mermaid);
        Assert.Contains("Transform --> Written\n", mermaid);
        Assert.DoesNotContain("Validate", mermaid);
        Assert.DoesNotContain("Aggregate", mermaid);
    }

    [Fact]
    public void GeneratedStagesRunASingleRecordThroughTheMachine()
    {
        var run = GeneratorHarness.Run(MachineSources.FileProcessingPattern);
        using var assembly = CompiledAssembly.Load(run.Output);
        var machineType = assembly.Type("Demo.Files.PaidOrders");
        var orderType = assembly.Type("Demo.Files.Order");
        var recordType = typeof(FsmGen.Patterns.FileProcessing.FileRecord<>).MakeGenericType(orderType);
        var machine = Activator.CreateInstance(machineType)!;

        object Run(string email, string status)
        {
            var order = Activator.CreateInstance(orderType, 1L, email, 10m, status, 0m)!;
            var result = machineType.GetMethod("Run")!.Invoke(machine, new[] { Activator.CreateInstance(recordType, order) })!;
            return result.GetType().GetProperty("FinalState")!.GetValue(result)!.ToString()!;
        }

        Assert.Equal("Written", Run("a@b.c", "paid"));
        Assert.Equal("Filtered", Run("a@b.c", "open"));
        Assert.Equal("Invalid", Run("nobody", "paid"));
        Assert.Equal(12.0m, machineType.GetProperty("Revenue")!.GetValue(machine));
    }

    [Fact]
    public void RerunOnAClonedCompilationIsCachedAndTheModelHoldsNoRoslynObjects()
    {
        var compilation = TestCompilation.Create(new[] { TestCompilation.Parse(MachineSources.FileProcessingPattern) });
        var first = GeneratorHarness.Run(compilation);
        var second = first.Driver.RunGenerators(compilation.Clone()).GetRunResult().Results[0];

        Assert.All(second.TrackedSteps[TrackingNames.Patterns].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        var visited = new HashSet<Type>();
        foreach (var (value, _) in first.Result.TrackedSteps[TrackingNames.Patterns].SelectMany(s => s.Outputs))
        {
            var (forbidden, types) = PipelineModelWalker.Walk(value);
            Assert.Empty(forbidden);
            visited.UnionWith(types);
        }

        Assert.Contains(visited, t => t.Name == "FileProcessingPart");
        Assert.Contains(visited, t => t.Name == "RecordMember");
        Assert.Contains(visited, t => t.Name == "MachineModel");
    }

    [Fact]
    public void EditingASlotBodyRegeneratesNothingButChangingTheRecordTypeDoes()
    {
        const string RecordFile = "namespace Demo.Files;\n\npublic sealed record Order(long Id, string Email, decimal Amount, string Status, decimal Total = 0);\n";
        var pattern = MachineSources.FileProcessingPattern.Replace("public sealed record Order(long Id, string Email, decimal Amount, string Status, decimal Total = 0);", "", StringComparison.Ordinal);
        var patternTree = TestCompilation.Parse(pattern, "PaidOrders.cs");
        var recordTree = TestCompilation.Parse(RecordFile, "Order.cs");
        var compilation = TestCompilation.Create(new[] { patternTree, recordTree });
        var first = GeneratorHarness.Run(compilation);
        Expect.None(first.GeneratorDiagnostics, "Generator diagnostics");

        var bodyEdited = compilation.ReplaceSyntaxTree(patternTree, TestCompilation.Parse(pattern.Replace("o.Amount * 1.2m", "o.Amount * 1.25m", StringComparison.Ordinal), "PaidOrders.cs"));
        var second = GeneratorHarness.Run(first.Driver, bodyEdited);
        Assert.DoesNotContain(Reasons(second, TrackingNames.Patterns), r => r is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);

        var recordEdited = bodyEdited.ReplaceSyntaxTree(bodyEdited.SyntaxTrees.Single(t => t.FilePath == "Order.cs"), TestCompilation.Parse(RecordFile.Replace("decimal Total = 0", "decimal Total = 0, bool Rush = false", StringComparison.Ordinal), "Order.cs"));
        var third = GeneratorHarness.Run(second.Driver, recordEdited);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(third, TrackingNames.Patterns));
        Assert.Contains("TypedMember(\"Rush\", \"Rush\", \"bool\", false)", third.GeneratedText());
        Expect.Clean(third.OutputDiagnostics, "The output compilation is not clean");
    }

    [Fact]
    public void AnUnknownPatternNamesFileProcessingAsKnown()
    {
        var run = GeneratorHarness.Run("""
            using FsmGen;

            namespace Demo;

            [Pattern("FileProcesing")]
            public partial class Typo
            {
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FSM0022", diagnostic.Id);
        Assert.Matches(@"\(known: [^)]*\bFileProcessing\b", diagnostic.GetMessage());
    }

    [Fact]
    public void HalfTypedSlotsNeverMakeTheGeneratorThrow()
    {
        var sources = new[]
        {
            MachineSources.FileProcessingPattern.Replace("private static bool IsPaid(Order o)", "private static bool IsPaid(Ordr o)", StringComparison.Ordinal),
            MachineSources.FileProcessingPattern.Replace("private static bool IsPaid(Order o)", "private static bool IsPaid()", StringComparison.Ordinal),
            MachineSources.FileProcessingPattern.Replace("[Filter]", "[Filter(", StringComparison.Ordinal),
            MachineSources.FileProcessingPattern.Replace("public sealed record Order(long Id,", "public sealed record Order(Unknown Id,", StringComparison.Ordinal),
            MachineSources.FileProcessingPattern.Replace("public partial class PaidOrders", "public class PaidOrders", StringComparison.Ordinal),
        };

        foreach (var source in sources)
        {
            var run = GeneratorHarness.Run(source);
            Assert.Null(run.Result.Exception);
            Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id is "CS8785" or "AD0001");
        }
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorRun run, string step) =>
        run.Result.TrackedSteps.TryGetValue(step, out var steps) ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList() : new List<IncrementalStepRunReason>();
}
