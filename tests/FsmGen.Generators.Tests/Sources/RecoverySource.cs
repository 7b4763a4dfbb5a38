namespace FsmGen.Generators.Tests.Sources;

internal static partial class MachineSources
{
    /// <summary>
    /// State-level error recovery: a synchronous data-flow machine (pipelines on instance and static states, a fallback
    /// after a typed failure route, two compensations), an async one (ValueTask and Task bodies, an async compensation)
    /// and an event-driven one (a pipeline around an entry action).
    /// </summary>
    public const string Recovery = """
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using FsmGen;
        using FsmGen.Patterns.ErrorRecovery;

        namespace Demo.Recovery;

        public sealed record Trip(string Id, int Seats, bool Paid);

        public sealed class SoldOutException : Exception
        {
        }

        [StateMachine]
        public partial class Reservation
        {
            public int Holds { get; private set; }

            [State(Start = true)]
            [Transition(To = nameof(Charge))]
            [Compensate(nameof(Release))]
            [Retry(MaxRetries = 2, DelayMilliseconds = 50, Backoff = BackoffStrategy.Linear)]
            [CircuitBreaker(FailureThreshold = 3, OpenMilliseconds = 1000)]
            private Trip Hold(Trip trip)
            {
                Holds++;
                return trip with { Seats = trip.Seats + 1 };
            }

            [State]
            [Transition(To = nameof(Booked))]
            [Transition(To = nameof(SoldOut), OnFailure = true, Exception = typeof(SoldOutException))]
            [Fallback(nameof(Waitlist))]
            [Compensate(nameof(Refund))]
            [Deadline(Milliseconds = 200)]
            private static Trip Charge(Trip trip, CancellationToken cancellationToken) => trip with { Paid = true };

            [State]
            [Transition(To = nameof(Booked))]
            private static Trip Waitlist(Trip trip) => trip;

            [State(End = true)]
            private static void Booked(Trip trip) { }

            [State(End = true, EmitOutput = false)]
            private static void SoldOut(Trip trip) { }

            private void Release(Trip trip) => Holds--;

            private static void Refund(Trip trip) { }
        }

        [StateMachine]
        public partial class Shipment
        {
            [State(Start = true)]
            [Transition(To = nameof(Label))]
            [Retry]
            [Compensate(nameof(CancelQuoteAsync))]
            private async ValueTask<Trip> Quote(Trip trip, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return trip;
            }

            [State]
            [Transition(To = nameof(Notify))]
            [Deadline(Milliseconds = 1000)]
            private static Task Label(Trip trip, CancellationToken cancellationToken) => Task.Delay(1, cancellationToken);

            [State]
            [Transition(To = nameof(Sent))]
            [Retry(MaxRetries = 1, DelayMilliseconds = 0)]
            private static ValueTask Notify() => default;

            [State(End = true)]
            [CircuitBreaker]
            private static void Sent(Trip trip) => throw new IOException("courier down");

            private ValueTask CancelQuoteAsync(Trip trip, CancellationToken cancellationToken) => default;
        }

        public enum AlarmTrigger { Arm, Trip, Disarm }

        [StateMachine(Triggers = typeof(AlarmTrigger))]
        public partial class Alarm
        {
            [State(Start = true)]
            [Transition(To = nameof(Armed), On = AlarmTrigger.Arm)]
            private void Idle() { }

            [State]
            [Transition(To = nameof(Calling), On = AlarmTrigger.Trip)]
            [Transition(To = nameof(Idle), On = AlarmTrigger.Disarm)]
            [Retry(MaxRetries = 1, DelayMilliseconds = 0)]
            private static void Armed() { }

            [State]
            [Transition(To = nameof(Idle), On = AlarmTrigger.Disarm)]
            [Deadline(Milliseconds = 5000)]
            [CircuitBreaker]
            private Task Calling(CancellationToken cancellationToken) => Task.Delay(1, cancellationToken);
        }
        """;
}
