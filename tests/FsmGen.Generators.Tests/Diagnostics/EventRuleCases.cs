namespace FsmGen.Generators.Tests.Diagnostics;

internal static partial class DiagnosticCases
{
    private static IEnumerable<DiagnosticCase> EventRules()
    {
        yield return new("FSM0017 trigger of another enum", "FSM0017", "WrongEnum", """
            [StateMachine(Triggers = typeof(Signal))]
            public partial class WrongEnum
            {
                [State(Start = true)]
                [Transition(To = nameof(Busy), On = Other.Go)] /*here*/
                private void Idle() { }

                [State]
                [Transition(To = nameof(Idle), On = Signal.Stop)]
                private void Busy() { }
            }
            """, "Other.Go", "'Idle'", "'Signal'");

        yield return new("FSM0017 trigger is a number", "FSM0017", "NumberTrigger", """
            [StateMachine(Triggers = typeof(Signal))]
            public partial class NumberTrigger
            {
                [State(Start = true)]
                [Transition(To = nameof(Busy), On = 0)] /*here*/
                private void Idle() { }

                [State]
                [Transition(To = nameof(Idle), On = Signal.Stop)]
                private void Busy() { }
            }
            """, "'0'", "'Idle'", "'Signal'");

        yield return new("FSM0018 transition without trigger", "FSM0018", "NoTrigger", """
            [StateMachine(Triggers = typeof(Signal))]
            public partial class NoTrigger
            {
                [State(Start = true)]
                [Transition(To = nameof(Busy))] /*here*/
                private void Idle() { }

                [State]
                [Transition(To = nameof(Idle), On = Signal.Stop)]
                private void Busy() { }
            }
            """, "'Idle'", "'Busy'", "'NoTrigger'");

        yield return new("FSM0019 state is its own parent", "FSM0019", "SelfParent", """
            [StateMachine(Triggers = typeof(Signal))]
            public partial class SelfParent
            {
                [State(Start = true)]
                [Transition(To = nameof(Loop), On = Signal.Go)]
                private void Idle() { }

                [State(Parent = nameof(Loop))]
                [Transition(To = nameof(Idle), On = Signal.Stop)]
                private void Loop() { } /*here*/
            }
            """, "'Loop'");

        yield return new("FSM0019 two states are each other's parent", "FSM0019", "MutualParents", """
            [StateMachine(Triggers = typeof(Signal))]
            public partial class MutualParents
            {
                [State(Start = true)]
                [Transition(To = nameof(Left), On = Signal.Go)]
                private void Idle() { }

                [State(Parent = nameof(Right))]
                [Transition(To = nameof(Idle), On = Signal.Stop)]
                private void Left() { } /*here*/

                [State(Parent = nameof(Left))]
                private void Right() { } /*here*/
            }
            """, "is its own ancestor");

        yield return new("FSM0020 parent is not a state", "FSM0020", "Orphaned", """
            [StateMachine(Triggers = typeof(Signal))]
            public partial class Orphaned
            {
                [State(Start = true)]
                [Transition(To = nameof(Child), On = Signal.Go)]
                private void Idle() { }

                [State(Parent = "Nowhere")]
                [Transition(To = nameof(Idle), On = Signal.Stop)]
                private void Child() { } /*here*/
            }
            """, "'Nowhere'", "'Child'", "'Orphaned'");
    }
}
