using FsmGen;
using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Samples.FileProcessing;

// <typed-orders>
public sealed record Order(long OrderId, string Customer, string Email, decimal Amount, string Status, long AmountCents = 0);

[Pattern("FileProcessing")]
public partial class PaidOrders
{
    public decimal Revenue { get; private set; }

    [Validate(Field = "email", Reason = "the email has no @")]
    private static bool HasEmail(Order order) => order.Email.Contains('@');

    [Filter]
    private static bool IsPaid(Order order) => order.Status == "paid";

    [Transform]
    private static Order AddCents(Order order) => order with { AmountCents = (long)Math.Round(order.Amount * 100) };

    [Aggregate]
    private void AddUp(Order order) => Revenue += order.Amount;
}
// </typed-orders>
