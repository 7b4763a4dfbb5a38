namespace FsmGen.Generators.Tests.Sources;

internal static partial class MachineSources
{
    /// <summary>Valid but unusual shapes: each must generate code that compiles without a warning.</summary>
    public static IReadOnlyDictionary<string, string> EdgeShapes { get; } = new Dictionary<string, string>
    {
        ["single data-flow state"] = """
            using FsmGen;

            namespace Demo;

            [StateMachine]
            public partial class Echo
            {
                [State(Start = true, End = true)]
                private static string Only(string text) => text;
            }
            """,

        ["event-driven machine without transitions"] = """
            using FsmGen;

            namespace Demo;

            public enum Nothing { Ping }

            [StateMachine(Triggers = typeof(Nothing))]
            public partial class Stone
            {
                [State(Start = true, End = true)]
                private void Resting() { }
            }
            """,

        ["global namespace, value-type record, no emitting end"] = """
            using FsmGen;

            [StateMachine(MaxSteps = 5)]
            internal partial class Counter
            {
                [State(Start = true)]
                [Transition(To = nameof(Counted), When = nameof(IsPositive))]
                [Transition(To = nameof(Ignored))]
                private static int Read(int value) => value;

                [State(End = true, EmitOutput = false)]
                private static int Counted(int value) => value + 1;

                [State(End = true, EmitOutput = false)]
                private static void Ignored(int value) { }

                private static bool IsPositive(int value) => value > 0;
            }
            """,

        ["trigger enum nested in the machine, hooks implemented"] = """
            using System.Collections.Generic;
            using FsmGen;

            namespace Demo;

            [StateMachine(Triggers = typeof(Lamp.Press))]
            public partial class Lamp
            {
                public enum Press { Toggle }

                public List<string> Trace { get; } = new();

                [State(Start = true)]
                [Transition(To = nameof(Lit), On = Press.Toggle)]
                private void Dark() { }

                [State]
                [Transition(To = nameof(Dark), On = Press.Toggle)]
                private void Lit() { }

                partial void OnEnter(StateId state) => Trace.Add("enter " + state);

                partial void OnExit(StateId state) => Trace.Add("exit " + state);

                partial void OnTransition(StateId from, StateId to, Press trigger) => Trace.Add(from + " -> " + to);
            }
            """,

        ["data-flow hooks, exit action, only typed failure routes"] = """
            using System;
            using System.IO;
            using FsmGen;

            namespace Demo;

            public sealed record Line(string Text);

            [StateMachine]
            public partial class Reader
            {
                public int Errors { get; private set; }

                [State(Start = true, OnExit = nameof(Leave))]
                [Transition(To = nameof(Parsed))]
                [Transition(To = nameof(Missing), OnFailure = true, Exception = typeof(FileNotFoundException))]
                [Transition(To = nameof(Broken), OnFailure = true, Exception = typeof(IOException))]
                private static Line Open(Line line) => line.Text.Length == 0 ? throw new IOException("empty") : line;

                [State(End = true)]
                private static void Parsed(Line line) { }

                [State(End = true, EmitOutput = false)]
                private static void Missing(Line line) { }

                [State(End = true, EmitOutput = false)]
                private static void Broken(Line line) { }

                private static void Leave(Line line) { }

                partial void OnError(StateId state, Exception error) => Errors++;

                partial void OnTransition(StateId from, StateId to) { }
            }
            """,

        ["event-driven with only async guards"] = """
            using System.Threading;
            using System.Threading.Tasks;
            using FsmGen;

            namespace Demo;

            public enum Gate { Knock }

            [StateMachine(Triggers = typeof(Gate), GuardFailure = TriggerPolicy.Ignore)]
            public partial class Porter
            {
                [State(Start = true)]
                [Transition(To = nameof(Open), On = Gate.Knock, When = nameof(IsFriendAsync))]
                private void Shut() { }

                [State]
                [Transition(To = nameof(Shut), On = Gate.Knock, When = nameof(IsLeavingAsync))]
                private void Open() { }

                private static Task<bool> IsFriendAsync(CancellationToken cancellationToken) => Task.FromResult(!cancellationToken.IsCancellationRequested);

                private static ValueTask<bool> IsLeavingAsync() => new(true);
            }
            """,

        ["data-flow whose only async member is a guard"] = """
            using System.Threading.Tasks;
            using FsmGen;

            namespace Demo;

            public sealed record Ticket(int Seat);

            [StateMachine]
            public partial class Booking
            {
                [State(Start = true)]
                [Transition(To = nameof(Booked), When = nameof(IsFreeAsync))]
                [Transition(To = nameof(Waitlisted))]
                private static Ticket Request(Ticket ticket) => ticket;

                [State(End = true)]
                private static void Booked(Ticket ticket) { }

                [State(End = true)]
                private static void Waitlisted(Ticket ticket) { }

                private static ValueTask<bool> IsFreeAsync(Ticket ticket) => new(ticket.Seat % 2 == 0);
            }
            """,

        ["two machines pushing the same async subflow"] = """
            using System.Threading;
            using System.Threading.Tasks;
            using FsmGen;

            namespace Demo;

            public sealed record Parcel(string Address, bool Scanned);

            [StateMachine]
            public partial class Sorting
            {
                [State(Start = true)]
                [Transition(To = nameof(Shelved), When = nameof(IsLocal), Push = typeof(Scan))]
                [Transition(To = nameof(Shipped), Push = typeof(Scan))]
                private static Parcel Arrived(Parcel parcel) => parcel;

                [State(End = true)]
                private static void Shelved(Parcel parcel) { }

                [State(End = true)]
                private static void Shipped(Parcel parcel) { }

                private static bool IsLocal(Parcel parcel) => parcel.Address.Length < 5;
            }

            [StateMachine]
            public partial class Returns
            {
                [State(Start = true)]
                [Transition(To = nameof(Refunded), Push = typeof(Scan))]
                private static Parcel Received(Parcel parcel) => parcel;

                [State(End = true)]
                private static void Refunded(Parcel parcel) { }
            }

            [StateMachine]
            public partial class Scan
            {
                [State(Start = true, End = true)]
                private static async Task<Parcel> Read(Parcel parcel, CancellationToken cancellationToken)
                {
                    await Task.Delay(0, cancellationToken);
                    return parcel with { Scanned = true };
                }
            }
            """,
    };
}
