namespace FsmGen.Generators.Tests.Diagnostics;

internal static partial class DiagnosticCases
{
    private static IEnumerable<DiagnosticCase> ClassRules()
    {
        yield return new("FSM0001 class not partial", "FSM0001", "Plain", """
            [StateMachine]
            public class Plain /*here*/
            {
                [State(Start = true, End = true)]
                private static void Only(Order order) { }
            }
            """, "'Plain'");

        yield return new("FSM0001 containing class not partial", "FSM0001", "Inner", """
            public class Outer
            {
                [StateMachine]
                public partial class Inner /*here*/
                {
                    [State(Start = true, End = true)]
                    private static void Only(Order order) { }
                }
            }
            """, "'Inner'");

        yield return new("FSM0002 no start state", "FSM0002", "NoStart", """
            [StateMachine]
            public partial class NoStart /*here*/
            {
                [State]
                [Transition(To = nameof(Done))]
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'NoStart'");

        yield return new("FSM0003 two start states", "FSM0003", "TwoStarts", """
            [StateMachine]
            public partial class TwoStarts
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                private static Order First(Order order) => order;

                [State(Start = true)]
                [Transition(To = nameof(Done))]
                private static Order Second(Order order) => order; /*here*/

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'TwoStarts'", "'First'", "'Second'");

        yield return new("FSM0024 triggers not an enum", "FSM0024", "BadTriggers", """
            [StateMachine(Triggers = typeof(string))]
            public partial class BadTriggers /*here*/
            {
                [State(Start = true, End = true)]
                private void Idle() { }
            }
            """, "'string'", "'BadTriggers'");

        yield return new("FSM0026 state declared twice", "FSM0026", "Overloaded", """
            [StateMachine]
            public partial class Overloaded
            {
                [State(Start = true)]
                [Transition(To = nameof(Middle))]
                private static Order Start(Order order) => order;

                [State]
                [Transition(To = nameof(Done))]
                private static Order Middle(Order order) => order;

                [State]
                [Transition(To = nameof(Done))]
                private static Order Middle(Order order, CancellationToken cancellationToken) => order; /*here*/

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'Middle'", "'Overloaded'");

        yield return new("FSM0030 static class", "FSM0030", "StaticMachine", """
            [StateMachine]
            public static partial class StaticMachine /*here*/
            {
                [State(Start = true, End = true)]
                private static void Only(Order order) { }
            }
            """, "'StaticMachine'", "static");

        yield return new("FSM0030 generic class", "FSM0030", "GenericMachine", """
            [StateMachine]
            public partial class GenericMachine<T> /*here*/
            {
                [State(Start = true, End = true)]
                private static void Only(Order order) { }
            }
            """, "'GenericMachine'", "generic");

        yield return new("FSM0031 negative history", "FSM0031", "NegativeHistory", """
            [StateMachine(History = -1)]
            public partial class NegativeHistory /*here*/
            {
                [State(Start = true, End = true)]
                private static void Only(Order order) { }
            }
            """, "History", "'NegativeHistory'");

        yield return new("FSM0031 zero max steps", "FSM0031", "NoSteps", """
            [StateMachine(MaxSteps = 0)]
            public partial class NoSteps /*here*/
            {
                [State(Start = true, End = true)]
                private static void Only(Order order) { }
            }
            """, "MaxSteps", "'NoSteps'");

        yield return new("FSM0032 state named like a generated member", "FSM0032", "ReservedName", """
            [StateMachine]
            public partial class ReservedName
            {
                [State(Start = true)]
                [Transition(To = nameof(Run))]
                private static void Intake(Order order) { }

                [State(End = true)]
                private static void Run(Order order) { } /*here*/
            }
            """, "'Run'", "'ReservedName'");

        yield return new("FSM0002 no state at all", "FSM0002", "Empty", """
            [StateMachine]
            public partial class Empty /*here*/
            {
            }
            """, "'Empty'");
    }
}
