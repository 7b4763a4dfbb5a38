using FsmGen.Generators.Patterns;
using FsmGen.Generators.Tests.Diagnostics;
using FsmGen.Generators.Tests.Sources;
using FsmGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Generators.Tests;

/// <summary>
/// The generator reads [State] and [Transition] arguments from syntax where it can prove the compiler would bind the
/// same values, and through symbols otherwise. Both ways must give exactly the same files and diagnostics (ids, places,
/// messages) for every source: the valid ones, every diagnostic case, forms chosen to trip the syntax reader, and
/// seeded half-typed mutations.
/// </summary>
public sealed class SyntaxReadingEquivalenceTests
{
    private const int Seed = 20_250_301;
    private const int MutationsPerSource = 50;

    private static IReadOnlyList<(string Name, string Source)> ValidSources { get; } = new[]
    {
        ("DataFlow", MachineSources.DataFlow),
        ("EventDriven", MachineSources.EventDriven),
        ("Hierarchical", MachineSources.Hierarchical),
        ("AsyncDataFlow", MachineSources.AsyncDataFlow),
        ("AsyncEventDriven", MachineSources.AsyncEventDriven),
        ("Nested", MachineSources.Nested),
        ("Push", MachineSources.Push),
        ("Recovery", MachineSources.Recovery),
        ("Door", MachineSources.Door),
        ("OrderPipeline", MachineSources.OrderPipeline),
    }.Concat(MachineSources.EdgeShapes.Select(e => (e.Key, e.Value))).ToList();

    /// <summary>Forms at the edge of what the syntax reader accepts, each inside an otherwise valid event-driven machine.</summary>
    private static IReadOnlyList<(string Name, string Attributes, string Members)> EdgeForms { get; } = new[]
    {
        ("alias", "[S(Start = true)] [Transition(To = nameof(B), On = Signal.Go)]", ""),
        ("verbatim name", "[@State(Start = true)] [Transition(To = nameof(B), On = Signal.Go)]", ""),
        ("qualified names", "[FsmGen.State(Start = true)] [global::FsmGen.TransitionAttribute(To = nameof(B), On = Signal.Go)]", ""),
        ("method target", "[method: State(Start = true)] [Transition(To = nameof(B), On = Signal.Go)]", ""),
        ("return target", "[return: State(Start = true)] [State(Start = true)] [Transition(To = nameof(B), On = Signal.Go)]", ""),
        ("nameof of a missing member", "[State(Start = true)] [Transition(To = nameof(Missing), On = Signal.Go)]", ""),
        ("nameof of an outer name", "[State(Start = true)] [Transition(To = nameof(Order), On = Signal.Go)]", ""),
        ("nameof of a parameter", "[State(Start = true)] [Transition(To = nameof(x), On = Signal.Go)]", ""),
        ("nameof method in scope", "[State(Start = true)] [Transition(To = nameof(B), On = Signal.Go)]", "private static string nameof(object o) => \"B\";"),
        ("duplicate members", "[State(Start = true)] [Transition(To = nameof(Twice), On = Signal.Go)]", "private int Twice; private int Twice;"),
        ("string literals", "[State(Start = true)] [Transition(To = \"B\", On = Signal.Go)] [Transition(To = @\"B\", On = Signal.Stop, When = \"\")]", ""),
        ("null and empty", "[State(Start = true, Parent = null, OnExit = \"\")] [Transition(To = nameof(B), On = Signal.Go)]", ""),
        ("constant string", "[State(Start = true)] [Transition(To = Target, On = Signal.Go)]", "private const string Target = nameof(B);"),
        ("priority forms", "[State(Start = true)] [Transition(To = nameof(B), On = Signal.Go, Priority = -2)] [Transition(To = nameof(A), On = Signal.Go, Priority = 0x10)]", ""),
        ("priority of a wrong type", "[State(Start = true)] [Transition(To = nameof(B), On = Signal.Go, Priority = 1L)]", ""),
        ("parenthesized values", "[State(Start = (true))] [Transition(To = (nameof(B)), On = (Signal.Go))]", ""),
        ("duplicate arguments", "[State(Start = true, Start = false)] [Transition(To = nameof(B), On = Signal.Go)]", ""),
        ("positional argument", "[State(true)] [Transition(To = nameof(B), On = Signal.Go)]", ""),
        ("named parameter", "[State(Start: true)] [Transition(To = nameof(B), On = Signal.Go)]", ""),
        ("unknown argument", "[State(Start = true, Begin = true)] [Transition(To = nameof(B), On = Signal.Go)]", ""),
        ("two states", "[State(Start = true)] [State(End = true)] [Transition(To = nameof(B), On = Signal.Go)]", ""),
        ("trigger of another enum", "[State(Start = true)] [Transition(To = nameof(B), On = Other.Go)]", ""),
        ("trigger as a number", "[State(Start = true)] [Transition(To = nameof(B), On = 1)]", ""),
        ("trigger cast", "[State(Start = true)] [Transition(To = nameof(B), On = (Signal)1)]", ""),
        ("trigger qualified", "[State(Start = true)] [Transition(To = nameof(B), On = Demo.Signal.Go)]", ""),
        ("trigger missing member", "[State(Start = true)] [Transition(To = nameof(B), On = Signal.Went)]", ""),
        ("trigger alias value", "[State(Start = true)] [Transition(To = nameof(B), On = Signal.Again)] [Transition(To = nameof(A), On = Signal.Go)]", ""),
        ("trigger through a member of the same name", "[State(Start = true)] [Transition(To = nameof(B), On = Signal.Go)]", "private Signal Signal => Signal.Go;"),
        ("trigger through a member of another type", "[State(Start = true)] [Transition(To = nameof(B), On = Signal.Go)]", "private Other Signal => Other.Go;"),
        ("shadowed transitions", "[State(Start = true)] [Transition(To = nameof(B), On = Signal.Go)] [Transition(To = nameof(A), On = Signal.Go)]", ""),
        ("shadowed alias values", "[State(Start = true)] [Transition(To = nameof(B), On = Signal.Again)] [Transition(To = nameof(A), On = Signal.Stop)]", ""),
        ("typeof arguments", "[State(Start = true)] [Transition(To = nameof(B), On = Signal.Go, Exception = typeof(Exception))]", ""),
        ("recovery", "[State(Start = true)] [Retry(MaxRetries = 2)] [Transition(To = nameof(B), On = Signal.Go)]", ""),
        ("other attributes", "[Obsolete] [State(Start = true)] [System.Diagnostics.DebuggerStepThrough] [Transition(To = nameof(B), On = Signal.Go)]", ""),
        ("unbound attribute", "[Missing] [State(Start = true)] [Transition(To = nameof(B), On = Signal.Go)]", ""),
        ("state type in scope", "[State(Start = true)] [Transition(To = nameof(B), On = Signal.Go)]", "private sealed class State { }"),
        ("attribute class in scope", "[State(Start = true)] [Transition(To = nameof(B), On = Signal.Go)]", "private sealed class StateAttribute : Attribute { public bool Start { get; set; } }"),
        ("transition without state", "[Transition(To = nameof(B), On = Signal.Go)]", ""),
    };

    public static TheoryData<string> EdgeFormNames => new(EdgeForms.Select(f => f.Name));

    [Fact]
    public void ValidSourcesGiveTheSameOutput()
    {
        foreach (var (name, source) in ValidSources) AssertSame(name, Compile(source));
    }

    [Fact]
    public void DiagnosticCasesGiveTheSameOutput()
    {
        foreach (var (name, diagnosticCase) in DiagnosticCases.All) AssertSame(name, Compile(diagnosticCase.Source));
    }

    [Theory]
    [MemberData(nameof(EdgeFormNames))]
    public void EdgeFormsGiveTheSameOutput(string name)
    {
        var (_, attributes, members) = EdgeForms.Single(f => f.Name == name);
        var source = DiagnosticCase.Preamble.Replace("public enum Signal { Go, Stop }", "public enum Signal { Go, Stop, Again = 0 }") + $$"""
            [StateMachine(Triggers = typeof(Signal))]
            public partial class Edge
            {
                {{attributes}}
                private void A(CancellationToken x) { }

                [State]
                [Transition(To = nameof(A), On = Signal.Stop)]
                private void B() { }

                {{members}}
            }
            """;
        AssertSame(name, Compile("using S = FsmGen.StateAttribute;\n" + source));
    }

    /// <summary>Signatures whose types the syntax path takes from another method of the declaration.</summary>
    private static IReadOnlyList<(string Name, string Members)> SignatureForms { get; } = new[]
    {
        ("same record everywhere", "private static Order Middle(Order order) => order;"),
        ("nullable annotation", "private static Order? Middle(Order? order) => order;"),
        ("nullable disabled region", "#nullable disable\n    private static Order Middle(Order order) => order;\n#nullable enable"),
        ("async forms", "private static Task<Order> Middle(Order order, CancellationToken token) => Task.FromResult(order);"),
        ("value task", "private static ValueTask<Order> Middle(Order order) => new(order);"),
        ("cancellation first", "private static Order Middle(CancellationToken token, Order order) => order;"),
        ("another record", "private static Other Middle(Order order) => Other.Go;"),
        ("alias", "private static O Middle(O order) => order;"),
        ("ref parameter", "private static Order Middle(ref Order order) => order;"),
        ("three parameters", "private static Order Middle(Order order, int a, int b) => order;"),
        ("generic", "private static Order Middle<T>(Order order) => order;"),
        ("nested record type", "private static Order Middle(Order order) => order;\n    public sealed record Order(int Lines);"),
    };

    public static TheoryData<string> SignatureFormNames => new(SignatureForms.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(SignatureFormNames))]
    public void SignatureFormsGiveTheSameOutput(string name)
    {
        var (_, members) = SignatureForms.Single(f => f.Name == name);
        var source = "using O = Demo.Order;\n" + DiagnosticCase.Preamble + $$"""
            [StateMachine]
            public partial class Flow
            {
                [State(Start = true)]
                [Transition(To = nameof(Middle), When = nameof(IsBig))]
                [Transition(To = nameof(Done))]
                private static Order First(Order order) => order;

                [State]
                [Transition(To = nameof(Done), Transform = nameof(Touch))]
                {{members}}

                [State(End = true)]
                private static void Done(Order order) { }

                private static bool IsBig(Order order) => order.Lines > 1;

                private static Order Touch(Order order) => order;
            }
            """;
        AssertSame(name, Compile(source));
    }

    [Fact]
    public void MutatedSourcesGiveTheSameOutput()
    {
        var random = new Random(Seed);
        foreach (var (name, source) in ValidSources)
        {
            var mutator = new SourceMutator(source);
            for (var i = 0; i < MutationsPerSource; i++)
            {
                var mutation = mutator.Next(random);
                AssertSame(name + " #" + i + " [" + mutation.Kind + "] " + mutation.Description, Compile(mutation.Text));
            }
        }
    }

    [Fact]
    public void APartialClassAcrossFilesGivesTheSameOutput()
    {
        var first = TestCompilation.Parse("""
            using FsmGen;

            namespace Demo;

            [StateMachine(Triggers = typeof(Signal))]
            public partial class Split
            {
                [State(Start = true)]
                [Transition(To = nameof(Second), On = Signal.Go)]
                private void First() { }
            }

            public enum Signal { Go, Stop }
            """, "First.cs");
        var second = TestCompilation.Parse("""
            using Tr = FsmGen.TransitionAttribute;

            namespace Demo;

            public partial class Split
            {
                [FsmGen.State]
                [Tr(To = nameof(First), On = Signal.Stop)]
                private void Second() { }
            }
            """, "Second.cs");
        AssertSame("split", TestCompilation.Create(new[] { first, second }));
    }

    private static CSharpCompilation Compile(string source) =>
        TestCompilation.Create(new[] { TestCompilation.Parse(source), TestCompilation.Parse(MachineSources.StepAttribute, "Step.cs") });

    private static void AssertSame(string name, CSharpCompilation compilation)
    {
        var fromSyntax = Describe(compilation, readAttributesFromSyntax: true);
        var fromSymbols = Describe(compilation, readAttributesFromSyntax: false);
        Assert.True(fromSymbols == fromSyntax, name + ": syntax and symbol reading differ." + Environment.NewLine
            + "--- symbols:" + Environment.NewLine + fromSymbols + Environment.NewLine + "--- syntax:" + Environment.NewLine + fromSyntax);
    }

    private static string Describe(CSharpCompilation compilation, bool readAttributesFromSyntax)
    {
        var generator = new StateMachineGenerator(new PatternRegistry(new IPatternTemplate[] { new LinearPatternTemplate() }), readAttributesFromSyntax);
        var driver = CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, parseOptions: TestCompilation.ParseOptions).RunGenerators(compilation);
        var result = driver.GetRunResult().Results[0];
        if (result.Exception is not null) return "exception: " + result.Exception;
        var diagnostics = result.Diagnostics
            .Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.Location.SourceSpan + " " + d.GetMessage());
        var sources = result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => "//" + s.HintName + "\n" + s.SourceText);
        return string.Join("\n", diagnostics.Concat(sources));
    }
}
