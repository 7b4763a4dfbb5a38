namespace FsmGen.Generators.Tests.Diagnostics;

internal static partial class DiagnosticCases
{
    private static IEnumerable<DiagnosticCase> TransitionRules()
    {
        yield return new("FSM0021 push target is not a machine", "FSM0021", "PushesRecord", """
            [StateMachine]
            public partial class PushesRecord
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), Push = typeof(Order))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'Order'", "'Start'", "not a [StateMachine]");

        yield return new("FSM0021 push target is an array type", "FSM0021", "PushesArray", """
            [StateMachine]
            public partial class PushesArray
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), Push = typeof(Order[]))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'Order[]'", "'Start'", "not a [StateMachine]");

        yield return new("FSM0021 push target is event-driven", "FSM0021", "PushesEvents", """
            [StateMachine]
            public partial class PushesEvents
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), Push = typeof(Switch))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }

            [StateMachine(Triggers = typeof(Signal))]
            public partial class Switch
            {
                [State(Start = true)]
                [Transition(To = nameof(Lit), On = Signal.Go)]
                private void Dark() { }

                [State]
                [Transition(To = nameof(Dark), On = Signal.Stop)]
                private void Lit() { }
            }
            """, "'Switch'", "'Start'", "event-driven");

        yield return new("FSM0021 push target works on another record", "FSM0021", "PushesText", """
            [StateMachine]
            public partial class PushesText
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), Push = typeof(TextFlow))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }

            public sealed record Note(string Text);

            [StateMachine]
            public partial class TextFlow
            {
                [State(Start = true, End = true)]
                private static Note Only(Note note) => note;
            }
            """, "'TextFlow'", "'Start'", "works on 'Demo.Note', not on 'Order'");

        yield return new("FSM0021 two machines push each other", "FSM0021", "PingFlow", """
            [StateMachine]
            public partial class PingFlow
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), Push = typeof(PongFlow))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }

            [StateMachine]
            public partial class PongFlow
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), Push = typeof(PingFlow))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "pushes back into '", "through its own pushes (subflows cannot recurse)");

        yield return new("FSM0021 push target is on a cycle of pushes", "FSM0021", "EntryFlow", """
            [StateMachine]
            public partial class EntryFlow
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), Push = typeof(LoopA))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }

            [StateMachine]
            public partial class LoopA
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), Push = typeof(LoopB))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }

            [StateMachine]
            public partial class LoopB
            {
                [State(Start = true)]
                [Transition(To = nameof(Done), Push = typeof(LoopA))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "(subflows cannot recurse)");

        yield return new("FSM0025 Parent on a data-flow state", "FSM0025", "FlowWithParent", """
            [StateMachine]
            public partial class FlowWithParent
            {
                [State(Start = true)]
                [Transition(To = nameof(Child))]
                private static Order Start(Order order) => order;

                [State(Parent = nameof(Start))]
                [Transition(To = nameof(Done))]
                private static Order Child(Order order) => order; /*here*/

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "Parent", "'Child'", "data-flow");

        yield return new("FSM0025 OnFailure on an event-driven transition", "FSM0025", "EventFailure", """
            [StateMachine(Triggers = typeof(Signal))]
            public partial class EventFailure
            {
                [State(Start = true)]
                [Transition(To = nameof(Busy), On = Signal.Go)]
                private void Idle() { }

                [State]
                [Transition(To = nameof(Idle), On = Signal.Stop, OnFailure = true)] /*here*/
                [Transition(To = nameof(Idle), On = Signal.Go)]
                private void Busy() { }
            }
            """, "OnFailure", "'Busy'", "event-driven");

        yield return new("FSM0027 transition on a method that is not a state", "FSM0027", "LooseTransition", """
            [StateMachine]
            public partial class LooseTransition
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                private static Order Start(Order order) => order;

                [Transition(To = nameof(Done))] /*here*/
                private static Order Helper(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'Helper'");

        yield return new("FSM0028 transition without a target", "FSM0028", "NoTarget", """
            [StateMachine]
            public partial class NoTarget
            {
                [State(Start = true)]
                [Transition(When = nameof(IsEmpty))] /*here*/
                [Transition(To = nameof(Done))]
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }

                private static bool IsEmpty(Order order) => order.Lines == 0;
            }
            """, "'Start'");

        yield return new("FSM0029 exception type is not an exception", "FSM0029", "StringFailure", """
            [StateMachine]
            public partial class StringFailure
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                [Transition(To = nameof(Failed), OnFailure = true, Exception = typeof(string))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }

                [State(End = true, EmitOutput = false)]
                private static void Failed(Order order) { }
            }
            """, "'string'", "'Start'");
    }
}
