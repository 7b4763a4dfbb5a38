using FsmGen.Generators.Tests.Support;

namespace FsmGen.Generators.Tests.Diagnostics;

internal static partial class DiagnosticCases
{
    /// <summary>
    /// Run with the test-only <see cref="LinearPatternTemplate"/> (its attribute source is always added) and the FileProcessing
    /// template registered; the FileProcessing cases name its attributes in full.
    /// </summary>
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

        yield return new("FSM0023 FileProcessing filter with a wrong signature", "FSM0023", "WrongFilter", """
            [Pattern("FileProcessing")]
            public partial class WrongFilter
            {
                [FsmGen.Patterns.FileProcessing.Filter]
                private static int Keep(Order order) => order.Lines; /*here*/
            }
            """, "'Keep'", "'Filter'", "'FileProcessing'", "bool");

        yield return new("FSM0023 FileProcessing slots that disagree on the record type", "FSM0023", "Disagree", """
            public sealed record Parcel(int Weight);

            [Pattern("FileProcessing")]
            public partial class Disagree
            {
                [FsmGen.Patterns.FileProcessing.Filter]
                private static bool Keep(Order order) => order.Lines > 0;

                [FsmGen.Patterns.FileProcessing.Transform]
                private static Parcel Weigh(Parcel parcel) => parcel; /*here*/
            }
            """, "'Weigh'", "'Transform'", "'FileProcessing'", "(Order");

        yield return new("FSM0038 FileProcessing without slot methods", "FSM0038", "NoSlots", """
            [Pattern("FileProcessing")]
            public partial class NoSlots /*here*/
            {
                private static bool Keep(Order order) => order.Lines > 0;
            }
            """, "'FileProcessing'", "'NoSlots'", "[Filter]", "record type");

        yield return new("FSM0038 FileProcessing record member of an unsupported type", "FSM0038", "Tagging", """
            public sealed record Tagged(int Id, System.Collections.Generic.List<string> Tags);

            [Pattern("FileProcessing")]
            public partial class Tagging
            {
                [FsmGen.Patterns.FileProcessing.Filter]
                private static bool Keep(Tagged tagged) => tagged.Id > 0; /*here*/
            }
            """, "'FileProcessing'", "'Tagging'", "'Tagged'", "'Tags'", "List<string>");

        yield return new("FSM0038 FileProcessing record type that cannot be created", "FSM0038", "Shapes", """
            public abstract class Shape
            {
                public int Sides { get; set; }
            }

            [Pattern("FileProcessing")]
            public partial class Shapes
            {
                [FsmGen.Patterns.FileProcessing.Aggregate]
                private static void Count(Shape shape) { } /*here*/
            }
            """, "'Shapes'", "'Shape'", "abstract");

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
