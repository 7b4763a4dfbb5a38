namespace FsmGen.Generators.Tests.Sources;

internal static partial class MachineSources
{
    /// <summary>The showcase's Door: event-driven, a guard and an exit action.</summary>
    public const string Door = """
        using System;
        using FsmGen;

        namespace Showcase;

        public enum DoorTrigger { Open, Close, Lock, Unlock }

        [StateMachine(Triggers = typeof(DoorTrigger))]
        public partial class Door
        {
            public bool HasKey { get; set; }

            [State(Start = true)]
            [Transition(To = nameof(Opened), On = DoorTrigger.Open)]
            [Transition(To = nameof(Locked), On = DoorTrigger.Lock, When = nameof(KeyPresent))]
            private void Closed() => Console.WriteLine("  door closed");

            [State]
            [Transition(To = nameof(Closed), On = DoorTrigger.Close)]
            private void Opened() => Console.WriteLine("  door opened");

            [State(OnExit = nameof(LeaveLocked))]
            [Transition(To = nameof(Closed), On = DoorTrigger.Unlock)]
            private void Locked() => Console.WriteLine("  door locked");

            private void LeaveLocked() => Console.WriteLine("  (unlocking)");

            private bool KeyPresent() => HasKey;
        }
        """;

    /// <summary>The showcase's OrderPipeline: data-flow with a priority guard, a transform and a non-emitting end.</summary>
    public const string OrderPipeline = """
        using System;
        using FsmGen;

        namespace Showcase;

        public sealed record Order(string Id, int Lines, decimal Total, string Status);

        [StateMachine(History = 8)]
        public partial class OrderPipeline
        {
            [State(Start = true)]
            [Transition(To = nameof(Rejected), When = nameof(IsEmpty), Priority = 1)]
            [Transition(To = nameof(Priced))]
            private static Order Received(Order order) => order with { Status = "received" };

            [State]
            [Transition(To = nameof(Shipped), Transform = nameof(Stamp))]
            private static Order Priced(Order order) => order with { Total = order.Lines * 9.99m };

            [State(End = true)]
            private static void Shipped(Order order) => Console.WriteLine($"  shipped {order.Id}: {order.Total} ({order.Status})");

            [State(End = true, EmitOutput = false)]
            private static void Rejected(Order order) => Console.WriteLine($"  rejected {order.Id}: no lines");

            private static bool IsEmpty(Order order) => order.Lines == 0;

            private static Order Stamp(Order order) => order with { Status = "shipped" };
        }
        """;
}
