namespace FsmGen.Generators.Tests.Diagnostics;

internal static partial class DiagnosticCases
{
    private static IEnumerable<DiagnosticCase> GraphRules()
    {
        yield return new("FSM0004 target is not a state", "FSM0004", "BadTarget", """
            [StateMachine]
            public partial class BadTarget
            {
                [State(Start = true)]
                [Transition(To = "Nowhere")] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'Start'", "'Nowhere'", "'BadTarget'");

        yield return new("FSM0005 unreachable state", "FSM0005", "WithOrphan", """
            [StateMachine]
            public partial class WithOrphan
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                private static Order Start(Order order) => order;

                [State]
                [Transition(To = nameof(Done))]
                private static Order Orphan(Order order) => order; /*here*/

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'Orphan'", "'Start'");

        yield return new("FSM0006 dead end", "FSM0006", "DeadEnd", """
            [StateMachine]
            public partial class DeadEnd
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), When = nameof(IsEmpty))]
                [Transition(To = nameof(Stuck))]
                private static Order Start(Order order) => order;

                [State]
                private static Order Stuck(Order order) => order; /*here*/

                [State(End = true)]
                private static void Done(Order order) { }

                private static bool IsEmpty(Order order) => order.Lines == 0;
            }
            """, "'Stuck'");

        yield return new("FSM0007 end state with transitions", "FSM0007", "EndWithExit", """
            [StateMachine]
            public partial class EndWithExit
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                private static Order Start(Order order) => order;

                [State(End = true)]
                [Transition(To = nameof(Start))]
                private static void Done(Order order) { } /*here*/
            }
            """, "'Done'");

        yield return new("FSM0014 two unguarded transitions", "FSM0014", "Ambiguous", """
            [StateMachine]
            public partial class Ambiguous
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                [Transition(To = nameof(Other))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }

                [State(End = true)]
                private static void Other(Order order) { }
            }
            """, "'Start'", "'Done'", "'Other'");

        yield return new("FSM0014 two unguarded transitions on one trigger", "FSM0014", "AmbiguousTrigger", """
            [StateMachine(Triggers = typeof(Signal))]
            public partial class AmbiguousTrigger
            {
                [State(Start = true)]
                [Transition(To = nameof(Left), On = Signal.Go)]
                [Transition(To = nameof(Right), On = Signal.Go)] /*here*/
                private void Idle() { }

                [State]
                [Transition(To = nameof(Idle), On = Signal.Stop)]
                private void Left() { }

                [State]
                [Transition(To = nameof(Idle), On = Signal.Stop)]
                private void Right() { }
            }
            """, "'Idle'", "Go", "'Left'", "'Right'");

        yield return new("FSM0015 unconditional cycle", "FSM0015", "Spin", """
            [StateMachine]
            public partial class Spin
            {
                [State(Start = true)]
                [Transition(To = nameof(Ping))]
                private static Order Start(Order order) => order;

                [State]
                [Transition(To = nameof(Pong))]
                [Transition(To = nameof(Done), OnFailure = true)]
                private static Order Ping(Order order) => order; /*here*/

                [State]
                [Transition(To = nameof(Ping))]
                private static Order Pong(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'Ping'", "'Pong'");

        yield return new("FSM0016 no path to an end state", "FSM0016", "Endless", """
            [StateMachine]
            public partial class Endless
            {
                [State(Start = true)]
                [Transition(To = nameof(Loop), When = nameof(Always))]
                private static Order Start(Order order) => order; /*here*/

                [State]
                [Transition(To = nameof(Start), When = nameof(Always))]
                private static Order Loop(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }

                private static bool Always(Order order) => true;
            }
            """, "'Start'", "'Endless'");
    }
}
