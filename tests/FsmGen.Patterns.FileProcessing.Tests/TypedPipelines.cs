using System.Text.Json.Serialization;
using CsvHelper;

namespace FsmGen.Patterns.FileProcessing.Tests;

public sealed record Order(long Id, string Email, decimal Amount, string Status, decimal Total = 0);

/// <summary>The issue's example: validate, filter, transform, and a running total.</summary>
[Pattern("FileProcessing")]
public partial class PaidOrders
{
    public decimal Revenue { get; private set; }

    [Validate(Field = "Email", Reason = "email has no @")]
    private static bool HasEmail(Order o) => o.Email.Contains('@');

    [Filter]
    private static bool IsPaid(Order o) => o.Status == "paid";

    [Transform]
    private static Order AddTax(Order o) => o with { Total = o.Amount * 1.2m };

    [Aggregate]
    private void Sum(Order o) => Revenue += o.Total;
}

public enum Tier
{
    Bronze,
    Silver,
    Gold,
}

/// <summary>A settable-property record with every kind of member.</summary>
public sealed class Reading
{
    [CsvColumn("sensor_id")]
    [JsonPropertyName("sensor")]
    public int SensorId { get; init; }

    public double Value { get; init; }

    public DateOnly Day { get; init; }

    public TimeOnly? At { get; init; }

    public Tier Tier { get; init; }

    public bool Ok { get; init; }

    public Guid? Batch { get; init; }

    public string? Note { get; set; } = "none";

    public char Grade { get; set; } = 'C';
}

[Pattern("FileProcessing")]
public partial class Readings
{
    [Transform]
    private static async ValueTask<Reading> Scale(Reading r, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return new Reading { SensorId = r.SensorId, Value = r.Value * 10, Day = r.Day, At = r.At, Tier = r.Tier, Ok = r.Ok, Batch = r.Batch, Note = r.Note, Grade = r.Grade };
    }
}

/// <summary>Filter and transform only (thread-safe: no state), for batch mode.</summary>
[Pattern("FileProcessing")]
public partial class LargeOrders
{
    [Filter]
    private static bool IsLarge(Order o) => o.Amount >= 100;

    [Transform]
    private static Order Double(Order o) => o with { Total = o.Amount * 2 };
}

/// <summary>Stage methods that throw or return null for some records.</summary>
[Pattern("FileProcessing")]
public partial class FragileOrders
{
    [Filter]
    private static async Task<bool> IsKnown(Order o, CancellationToken cancellationToken)
    {
        await Task.Delay(0, cancellationToken);
        return o.Id != 13 ? true : throw new InvalidOperationException("unlucky id");
    }

    [Transform]
    private static Order Check(Order o) => o.Id == 7 ? null! : o;

    [Validate]
    private static bool Positive(Order o) => o.Amount > 0;
}
