namespace FsmGen.Generators.Tests.Diagnostics;

internal static partial class DiagnosticCases
{
    /// <summary>State-level error recovery ([Retry], [Deadline], [CircuitBreaker], [Fallback], [Compensate] of FsmGen.Patterns.ErrorRecovery).</summary>
    private static IEnumerable<DiagnosticCase> RecoveryRules()
    {
        yield return new("FSM0033 retry without retries", "FSM0033", "NoRetries", """
            [StateMachine]
            public partial class NoRetries
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                [Retry(MaxRetries = 0)] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "MaxRetries", "[Retry]", "'Start'", "1 or more");

        yield return new("FSM0033 deadline without milliseconds", "FSM0033", "NoDeadline", """
            [StateMachine]
            public partial class NoDeadline
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                [Deadline] /*here*/
                private static Order Start(Order order, CancellationToken cancellationToken) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "Milliseconds", "[Deadline]", "'Start'", "between 10 and");

        yield return new("FSM0033 breaker that never stays open", "FSM0033", "ShortBreaker", """
            [StateMachine]
            public partial class ShortBreaker
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                [CircuitBreaker(FailureThreshold = 2, OpenMilliseconds = 0)] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "OpenMilliseconds", "[CircuitBreaker]", "'Start'");

        yield return new("FSM0033 backoff that is not a member", "FSM0033", "OddBackoff", """
            [StateMachine]
            public partial class OddBackoff
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                [Retry(Backoff = (BackoffStrategy)42)] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "Backoff", "[Retry]", "'Start'", "BackoffStrategy");

        yield return new("FSM0034 fallback to a method that is not a state", "FSM0034", "FallbackToMethod", """
            [StateMachine]
            public partial class FallbackToMethod
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                [Fallback(nameof(Substitute))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }

                private static Order Substitute(Order order) => order;
            }
            """, "'Substitute'", "'Start'", "'FallbackToMethod'");

        yield return new("FSM0035 compensation returns a value", "FSM0035", "ValueUndo", """
            [StateMachine]
            public partial class ValueUndo
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                [Compensate(nameof(Undo))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }

                private static Order Undo(Order order) => order;
            }
            """, "'Undo'", "'Start'", "return void, Task or ValueTask");

        yield return new("FSM0035 compensation takes another record", "FSM0035", "ForeignUndo", """
            [StateMachine]
            public partial class ForeignUndo
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                [Compensate(nameof(Undo))] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }

                private static ValueTask Undo(string text, CancellationToken cancellationToken) => default;
            }
            """, "'Undo'", "'Start'", "Order");

        yield return new("FSM0008 compensation not found", "FSM0008", "MissingUndo", """
            [StateMachine]
            public partial class MissingUndo
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                [Compensate("Undo")] /*here*/
                private static Order Start(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "Compensation", "'Undo'", "'Start'", "'MissingUndo'");

        yield return new("FSM0036 fallback behind a catch-all failure route", "FSM0036", "ShadowedFallback", """
            [StateMachine]
            public partial class ShadowedFallback
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                [Transition(To = nameof(Failed), OnFailure = true)]
                [Fallback(nameof(Retried))] /*here*/
                private static Order Start(Order order) => order;

                [State]
                [Transition(To = nameof(Done))]
                private static Order Retried(Order order) => order;

                [State(End = true)]
                private static void Done(Order order) { }

                [State(End = true, EmitOutput = false)]
                private static void Failed(Order order) { }
            }
            """, "'Retried'", "'Start'", "'Failed'");

        yield return new("FSM0037 deadline on a state without a cancellation token", "FSM0037", "DeafDeadline", """
            [StateMachine]
            public partial class DeafDeadline
            {
                [State(Start = true)]
                [Transition(To = nameof(Done))]
                [Deadline(Milliseconds = 100)] /*here*/
                private static async Task<Order> Start(Order order)
                {
                    await Task.Yield();
                    return order;
                }

                [State(End = true)]
                private static void Done(Order order) { }
            }
            """, "'Start'", "CancellationToken");

        yield return new("FSM0025 fallback on an event-driven state", "FSM0025", "EventFallback", """
            [StateMachine(Triggers = typeof(Signal))]
            public partial class EventFallback
            {
                [State(Start = true)]
                [Transition(To = nameof(Busy), On = Signal.Go)]
                private void Idle() { }

                [State]
                [Transition(To = nameof(Idle), On = Signal.Stop)]
                [Fallback(nameof(Idle))] /*here*/
                private void Busy() { }
            }
            """, "[Fallback]", "'Busy'", "event-driven");

        yield return new("FSM0025 compensation on an event-driven state", "FSM0025", "EventUndo", """
            [StateMachine(Triggers = typeof(Signal))]
            public partial class EventUndo
            {
                [State(Start = true)]
                [Transition(To = nameof(Busy), On = Signal.Go)]
                private void Idle() { }

                [State]
                [Transition(To = nameof(Idle), On = Signal.Stop)]
                [Compensate(nameof(Undo))] /*here*/
                private void Busy() { }

                private void Undo() { }
            }
            """, "[Compensate]", "'Busy'", "event-driven");

        yield return new("FSM0031 more compensated states than a run can track", "FSM0031", "LongSaga", LongSaga(17), "[Compensate]", "'LongSaga'", "16 or fewer");
    }

    /// <summary>A chain of <paramref name="steps"/> states, each with a compensation; the 17th is marked.</summary>
    private static string LongSaga(int steps)
    {
        var states = string.Concat(Enumerable.Range(1, steps).Select(i => $$"""

                [State{{(i == 1 ? "(Start = true)" : "")}}]
                [Transition(To = nameof({{(i == steps ? "Done" : "Step" + (i + 1))}}))]
                [Compensate(nameof(Undo))]{{(i == 17 ? " /*here*/" : "")}}
                private static Order Step{{i}}(Order order) => order;

            """));
        return "[StateMachine]\npublic partial class LongSaga\n{" + states + """

                [State(End = true)]
                private static void Done(Order order) { }

                private static void Undo(Order order) { }
            }
            """;
    }
}
