namespace FsmGen.Generators.Tests.Sources;

internal static partial class MachineSources
{
    /// <summary>Data-flow: guards with priorities, a transform, a typed and an untyped failure route, a RunOnFailure state, non-emitting ends.</summary>
    public const string DataFlow = """
        using System;
        using FsmGen;

        namespace Demo;

        public sealed record Order(string Id, int Lines, decimal Total, string Status);

        public sealed class PricingException : Exception
        {
            public PricingException(string message) : base(message) { }
        }

        [StateMachine(History = 4)]
        public partial class OrderFlow
        {
            [State(Start = true)]
            [Transition(To = nameof(Rejected), When = nameof(IsEmpty), Priority = 10)]
            [Transition(To = nameof(Express), When = nameof(IsSmall), Priority = 5)]
            [Transition(To = nameof(Priced), Transform = nameof(Normalize))]
            private static Order Received(Order order) => order with { Status = "received" };

            [State]
            [Transition(To = nameof(Shipped))]
            private static Order Express(Order order) => order with { Status = "express" };

            [State]
            [Transition(To = nameof(Shipped))]
            [Transition(To = nameof(Repriced), OnFailure = true, Exception = typeof(PricingException))]
            [Transition(To = nameof(Audit), OnFailure = true)]
            private static Order Priced(Order order) =>
                order.Total < 0 ? throw new PricingException("negative total") : order with { Total = order.Lines * 9.99m };

            [State]
            [Transition(To = nameof(Shipped))]
            private static Order Repriced(Order order) => order with { Total = 0m };

            [State(RunOnFailure = true)]
            [Transition(To = nameof(Failed))]
            private static void Audit(Order order) => Console.WriteLine("audit " + order.Id);

            [State(End = true)]
            private static void Shipped(Order order) => Console.WriteLine("shipped " + order.Id);

            [State(End = true, EmitOutput = false)]
            private static void Rejected(Order order) => Console.WriteLine("rejected " + order.Id);

            [State(End = true, EmitOutput = false)]
            private static void Failed(Order order) => Console.WriteLine("failed " + order.Id);

            private static bool IsEmpty(Order order) => order.Lines == 0;

            private static bool IsSmall(Order order) => order.Lines == 1;

            private static Order Normalize(Order order) => order with { Id = order.Id.Trim() };
        }
        """;
}
