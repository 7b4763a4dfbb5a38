using FsmGen.Generators.Tests.Support;

namespace FsmGen.Generators.Tests.Diagnostics;

internal static partial class DiagnosticCases
{
    /// <summary>Run with the test-only <see cref="LinearPatternTemplate"/> registered (its attribute source is always added).</summary>
    private static IEnumerable<DiagnosticCase> PatternRules()
    {
        yield return new("FSM0022 unknown pattern", "FSM0022", "Mystery", """
            [Pattern("Nonexistent")] /*here*/
            public partial class Mystery
            {
                [Step(1)]
                private static Order First(Order order) => order;

                private static void Done(Order order) { }
            }
            """, "'Nonexistent'", "'Mystery'", "Linear");

        yield return new("FSM0023 slot method with a wrong signature", "FSM0023", "Chain", """
            [Pattern("Linear")]
            public partial class Chain
            {
                [Step(1)]
                private static Order First(Order order) => order;

                [Step(2)]
                private static int Second(Order order) => order.Lines; /*here*/

                private static void Done(Order order) { }
            }
            """, "'Second'", "'Step'", "'Linear'");

        // Both pipelines would write Demo.Both.g.cs; the machine wins and the pattern is reported.
        yield return new("FSM0030 both a machine and a pattern", "FSM0030", "BothPatternAndMachine", """
            [StateMachine]
            [Pattern("Linear")] /*here*/
            public partial class BothPatternAndMachine
            {
                [Step(1)]
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                private static Order First(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'BothPatternAndMachine'", "[StateMachine]", "[Pattern]") { MachineStillEmitted = true };
    }
}
