using Microsoft.CodeAnalysis;
using FsmGen.Generators.Tests.Support;

namespace FsmGen.Generators.Tests;

/// <summary>Inputs that once made the generator throw or emit broken code, kept as plain cases.</summary>
public sealed class RegressionTests
{
    [Fact]
    public void StateWhoseReturnTypeDoesNotResolveDoesNotThrow()
    {
        // The only state is dropped silently (the compiler reports the unknown type) and no state was left to emit.
        var run = GeneratorHarness.Run("""
            using FsmGen;

            namespace Demo;

            public sealed record Order(int Lines);

            [StateMachine]
            public partial class Broken
            {
                [State(Start = true, End = true)]
                private static Ordr Only(Order order) => order;
            }
            """);

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("Ordr")]
    [InlineData("Ord\\u0065r")]
    [InlineData("System.Collections.Generic.List<Ordr>")]
    public void RecordTypeThatDoesNotResolveEverywhereEmitsNothing(string type)
    {
        // Every state agrees on the record, but it does not resolve: emitting would name it again in generated code,
        // adding errors to the one the compiler reports.
        var run = GeneratorHarness.Run("""
            using FsmGen;

            namespace Demo;

            [StateMachine]
            public partial class Broken
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                private static RECORD Start(RECORD order) => order;

                [State(End = true)]
                private static RECORD Done(RECORD order) => order;
            }
            """.Replace("RECORD", type, StringComparison.Ordinal));

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Sources);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void StateWhoseParameterTypeDoesNotResolveEmitsNothing()
    {
        // A state dropped without a diagnostic of ours would leave transitions to a StateId member that does not exist.
        var run = GeneratorHarness.Run("""
            using FsmGen;

            namespace Demo;

            public sealed record Order(int Lines);

            [StateMachine]
            public partial class Broken
            {
                [State(Start = true)]
                [Transition(To = nameof(Middle))]
                private static Order First(Order order) => order;

                [State]
                [Transition(To = nameof(Done))]
                private static Order Middle(Ordr order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void StateMachineAttributeRepeatedOnTwoPartialDeclarationsIsParsedOnce()
    {
        // CS0579, but the generator must not add the same hint name twice (that throws inside the driver).
        var run = GeneratorHarness.Run(TestCompilation.Create("""
            using FsmGen;

            namespace Demo;

            public sealed record Order(int Lines);

            [StateMachine]
            public partial class Twice
            {
                [State(Start = true, End = true)]
                private static Order Only(Order order) => order;
            }
            """, """
            using FsmGen;

            namespace Demo;

            [StateMachine]
            public partial class Twice { }
            """));

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.Equal(new[] { "Demo.Twice.g.cs" }, run.HintNames);
    }

    [Fact]
    public void PatternAttributeRepeatedOnTwoPartialDeclarationsIsParsedOnce()
    {
        var run = GeneratorHarness.Run(
            TestCompilation.Create("""
                using FsmGen;

                namespace Demo;

                public sealed record Job(string Trace);

                [Pattern("Linear")]
                public partial class Twice
                {
                    [Step(1)]
                    private static Job First(Job job) => job;

                    private static void Done(Job job) { }
                }

                [Pattern("Linear")]
                public partial class Twice { }
                """, LinearPatternTemplate.StepAttributeSource),
            new LinearPatternTemplate());

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.Equal(new[] { "Demo.Twice.g.cs" }, run.HintNames);
    }

    [Fact]
    public void KeywordNamedStatesAndTriggersAreEscaped()
    {
        var run = GeneratorHarness.Run("""
            using FsmGen;

            namespace Demo;

            public enum Key { @lock, @unlock }

            [StateMachine(Triggers = typeof(Key))]
            public partial class Keywords
            {
                [State(Start = true)]
                [Transition(To = nameof(@event), On = Key.@lock)]
                private void @base() { }

                [State]
                [Transition(To = nameof(@base), On = Key.@unlock)]
                private void @event() { }
            }
            """);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Sources);
        Assert.Empty(run.OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(GeneratorRun.Describe));
    }
}
