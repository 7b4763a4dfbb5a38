namespace FsmGen.Generators.Tests.Sources;

/// <summary>
/// Machines for <see cref="IncrementalEquivalenceTests"/>, each small and split across files so that what one file
/// declares (a record, an enum, a base class, a constant, another machine) flows into the machine of another.
/// </summary>
internal static class RerunSources
{
    /// <summary>Data-flow over <c>Order</c> (declared elsewhere): a guard, an async state with a CancellationToken, a nullable parameter.</summary>
    public const string Flow = """
        using System.Threading;
        using System.Threading.Tasks;
        using FsmGen;

        namespace Demo;

        [StateMachine]
        public partial class Flow
        {
            [State(Start = true)]
            [Transition(To = nameof(Big), When = nameof(IsBig))]
            [Transition(To = nameof(Done))]
            private static Order Received(Order order) => order;

            [State]
            [Transition(To = nameof(Done))]
            private static Task<Order> Big(Order? order, CancellationToken cancellationToken) => Task.FromResult(order!);

            [State(End = true)]
            private static void Done(Order order) { }

            private static bool IsBig(Order order) => order.Lines > 1;
        }
        """;

    public const string Order = """
        namespace Demo;

        public sealed record Order(int Lines);
        """;

    /// <summary>Event-driven over <c>Signal</c> (declared elsewhere).</summary>
    public const string Door = """
        using FsmGen;

        namespace Demo;

        [StateMachine(Triggers = typeof(Signal))]
        public partial class Door
        {
            [State(Start = true)]
            [Transition(To = nameof(Opened), On = Signal.Open)]
            private void Closed() { }

            [State]
            [Transition(To = nameof(Closed), On = Signal.Close)]
            private void Opened() { }
        }
        """;

    public const string Signal = """
        namespace Demo;

        public enum Signal { Open, Close }
        """;

    /// <summary>The part of <c>Split</c> with [StateMachine]: the start state, whose targets and guard are in <see cref="SplitRest"/>.</summary>
    public const string SplitStart = """
        using FsmGen;

        namespace Demo;

        [StateMachine]
        partial class Split
        {
            [State(Start = true)]
            [Transition(To = nameof(Checked), When = nameof(IsBig))]
            [Transition(To = nameof(Done))]
            private static Order Received(Order order) => order;
        }
        """;

    public const string SplitRest = """
        using FsmGen;

        namespace Demo;

        public partial class Split
        {
            [State]
            [Transition(To = nameof(Done))]
            private static Order Checked(Order order) => order;

            [State(End = true)]
            private static void Done(Order order) { }

            private static bool IsBig(Order order) => order.Lines > 1;
        }
        """;

    /// <summary>Data-flow whose options, priorities, a target and a retry count are constants of <see cref="Limits"/>.</summary>
    public const string Limited = """
        using FsmGen;
        using FsmGen.Patterns.ErrorRecovery;

        namespace Demo;

        [StateMachine(MaxSteps = Limits.MaxSteps, History = Limits.History)]
        public partial class Limited
        {
            [State(Start = true)]
            [Transition(To = nameof(Big), When = nameof(IsBig))]
            [Transition(To = nameof(Small), When = nameof(IsSmall), Priority = Limits.SmallFirst)]
            [Transition(To = Limits.Otherwise)]
            private static Order Received(Order order) => order;

            [State]
            [Retry(MaxRetries = Limits.Retries)]
            [Transition(To = nameof(Done))]
            private static Order Big(Order order) => order;

            [State]
            [Transition(To = nameof(Done))]
            private static Order Small(Order order) => order;

            [State(End = true)]
            private static void Done(Order order) { }

            private static bool IsBig(Order order) => order.Lines > 10;

            private static bool IsSmall(Order order) => order.Lines < 2;
        }
        """;

    public const string Limits = """
        namespace Demo;

        public static class Limits
        {
            public const int MaxSteps = 50;
            public const int History = 3;
            public const int SmallFirst = 0;
            public const string Otherwise = "Done";
            public const int Retries = 2;
        }
        """;

    /// <summary>Data-flow that pushes <c>Payment</c> (declared elsewhere) as a subflow.</summary>
    public const string Checkout = """
        using FsmGen;

        namespace Demo;

        [StateMachine]
        public partial class Checkout
        {
            [State(Start = true)]
            [Transition(To = nameof(Confirmed), Push = typeof(Payment))]
            [Transition(To = nameof(Declined), OnFailure = true)]
            private static Cart Placed(Cart cart) => cart;

            [State(End = true)]
            private static void Confirmed(Cart cart) { }

            [State(End = true, EmitOutput = false)]
            private static void Declined(Cart cart) { }
        }
        """;

    public const string Payment = """
        using FsmGen;

        namespace Demo;

        [StateMachine]
        public partial class Payment
        {
            [State(Start = true)]
            [Transition(To = nameof(Charged))]
            private static Cart Authorize(Cart cart) => cart;

            [State(End = true)]
            private static Cart Charged(Cart cart) => cart;
        }
        """;

    public const string Carts = """
        namespace Demo;

        public sealed record Cart(decimal Total);

        public sealed record Parcel(int Weight);
        """;

    /// <summary>[Pattern("FileProcessing")] over <c>Order</c> (declared elsewhere).</summary>
    public const string PaidOrders = """
        using FsmGen;
        using FsmGen.Patterns.FileProcessing;

        namespace Demo.Files;

        [Pattern("FileProcessing")]
        public partial class PaidOrders
        {
            [Filter]
            private static bool IsPaid(Order o) => o.Status == "paid";

            [Transform]
            private static Order Tax(Order o) => o with { Amount = o.Amount * 1.2m };
        }
        """;

    public const string FileOrder = """
        namespace Demo.Files;

        public sealed record Order(long Id, decimal Amount, string Status);
        """;

    /// <summary>[Pattern("Etl")] over <c>Customer</c> (declared elsewhere).</summary>
    public const string CustomerLoad = """
        using FsmGen;
        using FsmGen.Patterns.Etl;

        namespace Demo.Etl;

        [Pattern("Etl")]
        public partial class CustomerLoad
        {
            [Validate(Field = "email")]
            private static bool HasEmail(Customer c) => c.Email.Contains('@');
        }
        """;

    public const string Customer = """
        using System.ComponentModel.DataAnnotations.Schema;

        namespace Demo.Etl;

        public sealed record Customer(long Id, string Email, string? Segment = null);
        """;

    public const string Unrelated = """
        namespace Elsewhere;

        public class Unrelated
        {
            public int Value { get; set; }
        }
        """;
}
