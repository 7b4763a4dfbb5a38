using FsmGen;

namespace FsmGen.Showcase;

// <order-pipeline>
/// <summary>An order as it flows through <see cref="OrderPipeline"/>.</summary>
public sealed record Order(string Id, int Lines, decimal Total, string Status);

/// <summary>A data-flow machine: each order flows from Received to Shipped, or ends in Rejected.</summary>
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
// </order-pipeline>
