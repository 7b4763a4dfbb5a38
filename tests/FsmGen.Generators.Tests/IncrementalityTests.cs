using System.Reflection;
using FsmGen.Generators.Tests.Sources;
using FsmGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Generators.Tests;

/// <summary>The pipeline caches: re-running on an unchanged or unrelated-edited compilation regenerates nothing.</summary>
public sealed class IncrementalityTests
{
    /// <summary>Every step name declared in <see cref="TrackingNames"/>, read by reflection so a new step is checked too.</summary>
    private static IReadOnlyList<string> TrackedStepNames { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    [Fact]
    public void TrackingNamesDeclaresTheMachineAndPatternSteps()
    {
        Assert.Contains(TrackingNames.Machines, TrackedStepNames);
        Assert.Contains(TrackingNames.Patterns, TrackedStepNames);
    }

    [Fact]
    public void RerunOnAClonedCompilationIsFullyCached()
    {
        var compilation = MachinesCompilation();
        var first = GeneratorHarness.Run(compilation, new LinearPatternTemplate());
        Assert.Null(first.Result.Exception);
        Assert.Equal(4, first.Sources.Count);

        var second = first.Driver.RunGenerators(compilation.Clone()).GetRunResult().Results[0];

        foreach (var name in TrackedStepNames)
        {
            Assert.True(second.TrackedSteps.ContainsKey(name), "Step '" + name + "' was not tracked.");
            var reasons = Reasons(second, name);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + ": " + reason));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(Texts(first.Result), Texts(second));
    }

    [Fact]
    public void AddingAndEditingAnUnrelatedFileRegeneratesNothing()
    {
        var compilation = MachinesCompilation();
        var first = GeneratorHarness.Run(compilation, new LinearPatternTemplate());

        var unrelated = TestCompilation.Parse("namespace Elsewhere;\n\npublic class Unrelated\n{\n    public int Value { get; set; }\n}\n", "Unrelated.cs");
        var added = compilation.AddSyntaxTrees(unrelated);
        var afterAdd = GeneratorHarness.Run(first.Driver, added);
        AssertNothingRegenerated(first, afterAdd);

        var edited = added.ReplaceSyntaxTree(unrelated, TestCompilation.Parse("namespace Elsewhere;\n\npublic class Unrelated\n{\n    public string Name { get; set; } = \"\";\n\n    public int Value { get; set; }\n}\n", "Unrelated.cs"));
        var afterEdit = GeneratorHarness.Run(afterAdd.Driver, edited);
        AssertNothingRegenerated(first, afterEdit);
    }

    [Fact]
    public void EditingAStateBodyRegeneratesNothing()
    {
        var compilation = MachinesCompilation();
        var first = GeneratorHarness.Run(compilation, new LinearPatternTemplate());
        var tree = compilation.SyntaxTrees.First();

        var bodyEdited = Edit(tree, "order with { Status = \"express\" }", "order with { Status = \"EXPRESS\" }");
        var second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(tree, bodyEdited));

        AssertNothingRegenerated(first, second);
    }

    [Fact]
    public void AddingAStateRegeneratesThatMachine()
    {
        var compilation = MachinesCompilation();
        var first = GeneratorHarness.Run(compilation, new LinearPatternTemplate());
        var tree = compilation.SyntaxTrees.First();

        var withState = Edit(tree, "    private static bool IsEmpty(", "    [State(End = true)]\n    private static void Archived(Order order) { }\n\n    private static bool IsEmpty(");
        var second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(tree, withState));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second.Result, TrackingNames.Machines));
        var before = Texts(first.Result);
        var after = Texts(second.Result);
        Assert.NotEqual(before["Demo.OrderFlow.g.cs"], after["Demo.OrderFlow.g.cs"]);
        Assert.Contains("Archived = 8,", after["Demo.OrderFlow.g.cs"]);
        Assert.Equal(before["Demo.Player.g.cs"], after["Demo.Player.g.cs"]);
    }

    [Fact]
    public void PipelineModelHoldsNoSymbolsSyntaxOrLocations()
    {
        // Diagnostics travel through the pipeline too: include a broken machine so a LocationInfo is in the model.
        var broken = TestCompilation.Parse("""
            using FsmGen;

            namespace Demo;

            [StateMachine]
            public partial class Broken
            {
                [State(Start = true)]
                [Transition(To = "Nowhere")]
                private static string Only(string text) => text;
            }
            """, "Broken.cs");
        var run = GeneratorHarness.Run(MachinesCompilation().AddSyntaxTrees(broken), new LinearPatternTemplate());
        Assert.NotEmpty(run.GeneratorDiagnostics);

        var visited = new HashSet<Type>();
        foreach (var name in TrackedStepNames)
        {
            foreach (var step in run.Result.TrackedSteps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    var (forbidden, types) = PipelineModelWalker.Walk(value);
                    Assert.True(forbidden.Count == 0, name + " step holds Roslyn objects:" + Environment.NewLine + string.Join(Environment.NewLine, forbidden));
                    visited.UnionWith(types);
                }
            }
        }

        // The walk reached the model, not just the outer result.
        Assert.Contains(visited, t => t.Name == "MachineModel");
        Assert.Contains(visited, t => t.Name == "TransitionModel");
        Assert.Contains(visited, t => t.Name == "LocationInfo");
    }

    [Fact]
    public void ModelWalkerFindsASymbolHiddenInAModel()
    {
        var compilation = TestCompilation.Create("public class Hidden { }");
        var symbol = compilation.GetTypeByMetadataName("Hidden")!;
        var model = new { Name = "x", Items = new object[] { 1, new List<object> { ("a", symbol) } } };

        var (forbidden, _) = PipelineModelWalker.Walk(model);

        Assert.NotEmpty(forbidden);
        Assert.All(forbidden, path => Assert.Contains("Item2 is a ", path));
    }

    private static CSharpCompilation MachinesCompilation() => TestCompilation.Create(new[]
    {
        TestCompilation.Parse(MachineSources.DataFlow, "OrderFlow.cs"),
        TestCompilation.Parse(MachineSources.EventDriven, "Player.cs"),
        TestCompilation.Parse(MachineSources.LinearPattern, "Pipeline.cs"),
        TestCompilation.Parse(MachineSources.StepAttribute, "StepAttribute.cs"),
        TestCompilation.Parse(MachineSources.Hierarchical, "Phone.cs"),
    });

    private static SyntaxTree Edit(SyntaxTree tree, string oldText, string newText)
    {
        var text = tree.GetText().ToString();
        Assert.Contains(oldText, text);
        return TestCompilation.Parse(text.Replace(oldText, newText, StringComparison.Ordinal), tree.FilePath);
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var steps) ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList() : new List<IncrementalStepRunReason>();

    private static Dictionary<string, string> Texts(GeneratorRunResult result) =>
        result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    private static void AssertNothingRegenerated(GeneratorRun before, GeneratorRun after)
    {
        Assert.Null(after.Result.Exception);
        foreach (var name in TrackedStepNames)
        {
            var reasons = Reasons(after.Result, name);
            Assert.NotEmpty(reasons);
            Assert.DoesNotContain(IncrementalStepRunReason.New, reasons);
            Assert.DoesNotContain(IncrementalStepRunReason.Modified, reasons);
        }

        Assert.Equal(Texts(before.Result), Texts(after.Result));
    }
}
