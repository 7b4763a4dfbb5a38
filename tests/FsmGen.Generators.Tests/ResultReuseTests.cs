using FsmGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Generators.Tests;

/// <summary>
/// Parse results are reused across runs (generators/FsmGen.Generators/Incremental): an edit that cannot change a
/// machine parses nothing again, an edit that can reparses exactly the machines it may affect, and either way the
/// output is the one a fresh generator gives.
/// </summary>
public sealed class ResultReuseTests
{
    private const string Limits = """
        namespace Demo;

        public static class Limits
        {
            public const int Max = Budget.Steps;
        }
        """;

    private const string Budget = """
        namespace Demo;

        public static class Budget
        {
            public const int Steps = 50;
        }
        """;

    private const string Ticket = """
        namespace Demo;

        public sealed record Ticket(int Id, string Owner);
        """;

    /// <summary>A data-flow machine over <c>Ticket</c> whose MaxSteps comes from a constant declared two files away.</summary>
    private const string TicketFlow = """
        using FsmGen;

        namespace Demo;

        [StateMachine(MaxSteps = Limits.Max)]
        public partial class TicketFlow
        {
            [State(Start = true)]
            [Transition(To = nameof(Closed))]
            private static Ticket Opened(Ticket ticket) => ticket;

            [State(End = true)]
            private static Ticket Closed(Ticket ticket) => ticket;
        }
        """;

    /// <summary>A machine that names nothing the others declare.</summary>
    private const string Lamp = """
        using FsmGen;

        namespace Demo.Lights;

        public enum Switch { Flip }

        [StateMachine(Triggers = typeof(Switch))]
        public partial class Lamp
        {
            [State(Start = true)]
            [Transition(To = nameof(On), On = Switch.Flip)]
            private void Off() { }

            [State]
            [Transition(To = nameof(Off), On = Switch.Flip)]
            private void On() { }
        }
        """;

    [Fact]
    public void AClonedCompilationParsesNothing()
    {
        var (generator, run) = FirstRun(Compilation());
        var parsed = generator.Parses;

        Rerun(generator, run, run.Input.Clone());

        Assert.Equal(parsed, generator.Parses);
    }

    [Fact]
    public void AnUnrelatedFileAddedEditedAndRemovedParsesNothing()
    {
        var (generator, run) = FirstRun(Compilation());
        var parsed = generator.Parses;

        var unrelated = Tree("namespace Demo;\n\npublic sealed class Invoice { public int Total { get; set; } }\n", "Invoice.cs");
        var added = run.Input.AddSyntaxTrees(unrelated);
        run = Rerun(generator, run, added);
        var edited = added.ReplaceSyntaxTree(unrelated, Tree("namespace Demo;\n\npublic sealed class Invoice { public decimal Total { get; set; } }\n", "Invoice.cs"));
        run = Rerun(generator, run, edited);
        Rerun(generator, run, edited.RemoveSyntaxTrees(edited.SyntaxTrees.Single(t => t.FilePath == "Invoice.cs")));

        Assert.Equal(parsed, generator.Parses);
    }

    [Fact]
    public void EditingTheRecordTypeReparsesOnlyTheMachineThatUsesIt()
    {
        var compilation = Compilation();
        var (generator, run) = FirstRun(compilation);
        var parsed = generator.Parses;

        var ticket = compilation.SyntaxTrees.Single(t => t.FilePath == "Ticket.cs");
        var edited = compilation.ReplaceSyntaxTree(ticket, Tree(Ticket.Replace("string Owner", "string Owner, int Priority", StringComparison.Ordinal), "Ticket.cs"));
        Rerun(generator, run, edited);

        Assert.Equal(parsed + 1, generator.Parses);
    }

    [Fact]
    public void AConstantChangedTwoFilesAwayReachesTheMachine()
    {
        var compilation = Compilation();
        var (generator, run) = FirstRun(compilation);
        Assert.Contains("steps > 50)", Texts(run)["Demo.TicketFlow.g.cs"], StringComparison.Ordinal);

        var budget = compilation.SyntaxTrees.Single(t => t.FilePath == "Budget.cs");
        var after = Rerun(generator, run, compilation.ReplaceSyntaxTree(budget, Tree(Budget.Replace("50", "70", StringComparison.Ordinal), "Budget.cs")));

        Assert.Contains("steps > 70)", Texts(after)["Demo.TicketFlow.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void AGlobalUsingReparsesEveryMachine()
    {
        var (generator, run) = FirstRun(Compilation());
        var parsed = generator.Parses;

        Rerun(generator, run, run.Input.AddSyntaxTrees(Tree("global using System.Text;\n", "Usings.cs")));

        Assert.Equal(parsed * 2, generator.Parses);
    }

    [Fact]
    public void ANewReferenceReparsesEveryMachine()
    {
        var (generator, run) = FirstRun(Compilation());
        var parsed = generator.Parses;

        var extra = CSharpCompilation.Create("Extra", new[] { Tree("public class Extra { }", "Extra.cs") }, TestCompilation.References)
            .ToMetadataReference();
        Rerun(generator, run, run.Input.AddReferences(extra));

        Assert.Equal(parsed * 2, generator.Parses);
    }

    [Fact]
    public void ANamespaceThatAppearsReparsesTheTreesThatNameIt()
    {
        var (generator, run) = FirstRun(Compilation());
        var parsed = generator.Parses;

        // 'Lights' is a namespace already: another class in it changes no name Lamp's file uses.
        run = Rerun(generator, run, run.Input.AddSyntaxTrees(Tree("namespace Demo.Lights;\n\npublic sealed class Bulb { }\n", "Bulb.cs")));
        Assert.Equal(parsed, generator.Parses);

        // 'Other.Demo' is a new namespace, so a file that writes the name 'Demo' may now bind it differently: both
        // machines' files do (namespace Demo; namespace Demo.Lights), so both are reparsed.
        Rerun(generator, run, run.Input.AddSyntaxTrees(Tree("namespace Other.Demo;\n\npublic sealed class Probe { }\n", "Probe.cs")));
        Assert.Equal(parsed + 2, generator.Parses);
    }

    [Fact]
    public void TheSameTreesInAnotherOrderReorderAPartialMachinesStates()
    {
        const string first = """
            using FsmGen;

            namespace Demo;

            [StateMachine]
            public partial class Split
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                private static Ticket Opened(Ticket ticket) => ticket;
            }
            """;
        const string second = """
            using FsmGen;

            namespace Demo;

            public partial class Split
            {
                [State(End = true)]
                private static Ticket Done(Ticket ticket) => ticket;
            }
            """;
        var a = Tree(first, "SplitA.cs");
        var b = Tree(second, "SplitB.cs");
        var ticket = Tree(Ticket, "Ticket.cs");
        var inOrder = TestCompilation.Create(new[] { a, b, ticket });
        var reordered = TestCompilation.Create(new[] { b, a, ticket });

        var generator = new StateMachineGenerator();
        var run = GeneratorHarness.Run(Driver(generator), inOrder);
        var after = Rerun(generator, run, reordered);

        // The state enum follows the member order, which follows the trees': the reorder really changes the output.
        Assert.NotEqual(Texts(run)["Demo.Split.g.cs"], Texts(after)["Demo.Split.g.cs"]);
    }

    [Fact]
    public void AnEditInsideAMethodBodyOfTheRecordReparsesNothing()
    {
        var compilation = Compilation();
        var ticket = compilation.SyntaxTrees.Single(t => t.FilePath == "Ticket.cs");
        compilation = compilation.ReplaceSyntaxTree(ticket, Tree(Ticket + "\npublic static class TicketRules\n{\n    public static int Weight(Ticket ticket) => 1;\n\n    private static int _seen = 0;\n}\n", "Ticket.cs"));
        var (generator, run) = FirstRun(compilation);
        var parsed = generator.Parses;

        ticket = compilation.SyntaxTrees.Single(t => t.FilePath == "Ticket.cs");
        var text = ticket.GetText().ToString().Replace("=> 1;", "=> ticket.Id * 2;", StringComparison.Ordinal).Replace("_seen = 0", "_seen = 7", StringComparison.Ordinal);
        Rerun(generator, run, compilation.ReplaceSyntaxTree(ticket, Tree(text, "Ticket.cs")));

        Assert.Equal(parsed, generator.Parses);
    }

    [Fact]
    public void ANullableDirectiveInTheRecordFileReparsesTheMachineThatUsesIt()
    {
        var compilation = Compilation();
        var (generator, run) = FirstRun(compilation);
        var parsed = generator.Parses;

        var ticket = compilation.SyntaxTrees.Single(t => t.FilePath == "Ticket.cs");
        Rerun(generator, run, compilation.ReplaceSyntaxTree(ticket, Tree("#nullable disable\n" + Ticket, "Ticket.cs")));

        Assert.Equal(parsed + 1, generator.Parses);
    }

    [Fact]
    public void ANewTypeNamedLikePartOfAnIdentifierReparsesNothing()
    {
        var (generator, run) = FirstRun(Compilation());
        var parsed = generator.Parses;

        // TicketFlow's file writes 'Opened' and 'Closed', never 'Open' or 'Close' on their own.
        Rerun(generator, run, run.Input.AddSyntaxTrees(Tree("namespace Demo;\n\npublic sealed class Open { }\n\npublic sealed class Close { }\n", "Words.cs")));

        Assert.Equal(parsed, generator.Parses);
    }

    [Fact]
    public void AFileThatSpellsANameWithAUnicodeEscapeIsNeverTrustedToNotUseIt()
    {
        // 'Tick\u0065t' is 'Ticket' to the compiler, and not to a search of the text.
        var escaped = TicketFlow.Replace("Ticket ", "Tick\\u0065t ", StringComparison.Ordinal);
        var compilation = TestCompilation.Create(new[] { Tree(escaped, "TicketFlow.cs"), Tree(Ticket, "Ticket.cs"), Tree(Limits, "Limits.cs"), Tree(Budget, "Budget.cs"), Tree(Lamp, "Lamp.cs") });
        var (generator, run) = FirstRun(compilation);

        var ticket = compilation.SyntaxTrees.Single(t => t.FilePath == "Ticket.cs");
        var after = Rerun(generator, run, compilation.ReplaceSyntaxTree(ticket, Tree(Ticket.Replace("record Ticket(", "record Voucher(", StringComparison.Ordinal), "Ticket.cs")));

        // The record is gone, so the machine is no longer generated: a reused result would still be.
        Assert.Contains("Demo.TicketFlow.g.cs", Texts(run).Keys);
        Assert.DoesNotContain("Demo.TicketFlow.g.cs", Texts(after).Keys);
    }

    private static CSharpCompilation Compilation() => TestCompilation.Create(new[]
    {
        Tree(TicketFlow, "TicketFlow.cs"),
        Tree(Ticket, "Ticket.cs"),
        Tree(Limits, "Limits.cs"),
        Tree(Budget, "Budget.cs"),
        Tree(Lamp, "Lamp.cs"),
    });

    private static SyntaxTree Tree(string source, string path) => TestCompilation.Parse(source, path);

    private static (StateMachineGenerator Generator, GeneratorRun Run) FirstRun(CSharpCompilation compilation)
    {
        var generator = new StateMachineGenerator();
        var run = GeneratorHarness.Run(Driver(generator), compilation);
        Assert.Null(run.Result.Exception);
        Assert.Equal(2, run.Result.GeneratedSources.Length);
        return (generator, run);
    }

    /// <summary>Reruns the warm driver and checks its output against a fresh generator's over the same compilation.</summary>
    private static GeneratorRun Rerun(StateMachineGenerator generator, GeneratorRun previous, CSharpCompilation next)
    {
        var warm = GeneratorHarness.Run(previous.Driver, next);
        var cold = GeneratorHarness.Run(Driver(new StateMachineGenerator()), next);
        Assert.Null(warm.Result.Exception);
        Assert.Equal(Texts(cold), Texts(warm));
        Assert.Equal(cold.Result.Diagnostics.Select(d => d.ToString()), warm.Result.Diagnostics.Select(d => d.ToString()));
        return warm;
    }

    private static GeneratorDriver Driver(StateMachineGenerator generator) =>
        CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, parseOptions: TestCompilation.ParseOptions);

    private static Dictionary<string, string> Texts(GeneratorRun run) =>
        run.Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
}
