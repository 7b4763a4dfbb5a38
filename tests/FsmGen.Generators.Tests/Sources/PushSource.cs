namespace FsmGen.Generators.Tests.Sources;

internal static partial class MachineSources
{
    /// <summary>Data-flow with a push into a subflow machine, a failure route for a failed subflow, and the subflow itself.</summary>
    public const string Push = """
        using System;
        using FsmGen;

        namespace Demo;

        public sealed record Cart(string Customer, decimal Total, bool Paid);

        [StateMachine]
        public partial class Checkout
        {
            [State(Start = true)]
            [Transition(To = nameof(Confirmed), Push = typeof(Payment))]
            [Transition(To = nameof(Declined), OnFailure = true)]
            private static Cart Placed(Cart cart) => cart with { Customer = cart.Customer.Trim() };

            [State(End = true)]
            private static void Confirmed(Cart cart) => Console.WriteLine("confirmed " + cart.Customer);

            [State(End = true, EmitOutput = false)]
            private static void Declined(Cart cart) => Console.WriteLine("declined " + cart.Customer);
        }

        [StateMachine]
        public partial class Payment
        {
            [State(Start = true)]
            [Transition(To = nameof(Refused), When = nameof(IsTooLarge))]
            [Transition(To = nameof(Charged))]
            private static Cart Authorize(Cart cart) => cart;

            [State(End = true)]
            private static Cart Charged(Cart cart) => cart with { Paid = true };

            [State(End = true, EmitOutput = false)]
            private static Cart Refused(Cart cart) => throw new InvalidOperationException("refused " + cart.Total);

            private static bool IsTooLarge(Cart cart) => cart.Total > 10_000m;
        }
        """;
}
