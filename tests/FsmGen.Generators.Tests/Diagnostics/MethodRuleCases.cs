namespace FsmGen.Generators.Tests.Diagnostics;

internal static partial class DiagnosticCases
{
    private static IEnumerable<DiagnosticCase> MethodRules()
    {
        yield return new("FSM0008 guard not found", "FSM0008", "MissingGuard", """
            [StateMachine]
            public partial class MissingGuard
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), When = "IsReady")] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "Guard", "'IsReady'", "'Start'", "'MissingGuard'");

        yield return new("FSM0008 transform not found", "FSM0008", "MissingTransform", """
            [StateMachine]
            public partial class MissingTransform
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), Transform = "Stamp")] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "Transform", "'Stamp'", "'Start'", "'MissingTransform'");

        yield return new("FSM0008 exit action not found", "FSM0008", "MissingExit", """
            [StateMachine]
            public partial class MissingExit
            {
                [State(Start = true, OnExit = "Leave")]
                [Transition(To = nameof(Done))]
                private static Order Start(Order order) => order; /*here*/

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "Exit action", "'Leave'", "'Start'", "'MissingExit'");

        yield return new("FSM0009 guard returns int", "FSM0009", "IntGuard", """
            [StateMachine]
            public partial class IntGuard
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), When = nameof(Count))] /*here*/
                [Transition(To = nameof(Done))]
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }

                private static int Count(Order order) => order.Lines;
            }
            """, "'Count'", "'Start'");

        yield return new("FSM0009 event guard takes data", "FSM0009", "DataGuard", """
            [StateMachine(Triggers = typeof(Signal))]
            public partial class DataGuard
            {
                [State(Start = true)]
                [Transition(To = nameof(Busy), On = Signal.Go, When = nameof(IsReady))] /*here*/
                private void Idle() { }

                [State]
                [Transition(To = nameof(Idle), On = Signal.Stop)]
                private void Busy() { }

                private static bool IsReady(Order order) => order.Lines > 0;
            }
            """, "'IsReady'", "'Idle'");

        yield return new("FSM0010 transform returns another type", "FSM0010", "BadTransform", """
            [StateMachine]
            public partial class BadTransform
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), Transform = nameof(Describe))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }

                private static string Describe(Order order) => order.ToString();
            }
            """, "'Describe'", "'Start'");

        yield return new("FSM0011 state with too many parameters", "FSM0011", "WideState", """
            [StateMachine]
            public partial class WideState
            {
                [State(Start = true)]
                [Transition(To = nameof(Middle))]
                private static Order Start(Order order) => order;

                [State]
                [Transition(To = nameof(Done))]
                private static Order Middle(Order order, int extra, int more) => order; /*here*/

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'Middle'");

        yield return new("FSM0011 event state returns a value", "FSM0011", "ValueEntry", """
            [StateMachine(Triggers = typeof(Signal))]
            public partial class ValueEntry
            {
                [State(Start = true)]
                [Transition(To = nameof(Busy), On = Signal.Go)]
                private void Idle() { }

                [State]
                [Transition(To = nameof(Idle), On = Signal.Stop)]
                private int Busy() => 1; /*here*/
            }
            """, "'Busy'");

        yield return new("FSM0011 data-flow start without a record", "FSM0011", "NoRecord", """
            [StateMachine]
            public partial class NoRecord
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                private static void Start() { } /*here*/

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'Start'", "'NoRecord'");

        yield return new("FSM0012 exit action returns a value", "FSM0012", "BadExit", """
            [StateMachine]
            public partial class BadExit
            {
                [State(Start = true, OnExit = nameof(Leave))]
                [Transition(To = nameof(Done))]
                private static Order Start(Order order) => order; /*here*/

                [State(End = true)]
                private static void Done(Order order) { }

                private static int Leave(Order order) => order.Lines;
            }
            """, "'Leave'", "'Start'");

        yield return new("FSM0013 state works on another type", "FSM0013", "Mixed", """
            [StateMachine]
            public partial class Mixed
            {
                [State(Start = true)]
                [Transition(To = nameof(Middle))]
                private static Order Start(Order order) => order;

                [State]
                [Transition(To = nameof(Done))]
                private static string Middle(string text) => text; /*here*/

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'Middle'", "'string'", "'Order'", "'Start'");
    }
}
