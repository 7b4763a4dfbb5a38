using System.ComponentModel.DataAnnotations.Schema;

namespace FsmGen.Patterns.Etl.Tests.Typed;

// <typed-customer-load>
public sealed record Customer(long Id, string Name, string Email, DateTime UpdatedAt);

[Pattern("Etl")]
public partial class CustomerLoad
{
    [Validate(Field = "email", Reason = "the email has no @")]
    private static bool HasEmail(Customer c) => c.Email.Contains('@');

    [Transform]
    private static Customer Normalize(Customer c) => c with { Name = c.Name.Trim(), Email = c.Email.ToLowerInvariant() };
}
// </typed-customer-load>

/// <summary>A customer with a member the source does not have (it has a default), filled by an enrichment.</summary>
public sealed record SegmentedCustomer(long Id, string Name, string Email, DateTime UpdatedAt, string? Segment = null);

/// <summary>Every slot kind, an instance enrichment with state, and a transformation that throws for some records.</summary>
[Pattern("Etl")]
public partial class StrictCustomerLoad(IReadOnlyDictionary<long, string> segments)
{
    [Validate(Field = "email")]
    private static bool HasEmail(SegmentedCustomer c) => c.Email.Contains('@');

    [Transform]
    private static SegmentedCustomer RequireName(SegmentedCustomer c) =>
        c.Name.Trim().Length > 0 ? c with { Name = c.Name.Trim() } : throw new FormatException("the name is empty");

    [Enrich]
    private SegmentedCustomer AddSegment(SegmentedCustomer c) => c with { Segment = segments.GetValueOrDefault(c.Id, "retail") };
}

/// <summary>The items of the mode tests, typed; <see cref="UpdatedAt"/> finds the column <c>updated_at</c> by its name without underscores.</summary>
public sealed record Item(long Id, string Name, int? Qty, decimal? Price, DateTime UpdatedAt);

[Pattern("Etl")]
public partial class ItemCopy
{
    // Fails for the names the failure tests ask it to, like a service that is down for some records.
    public Func<Item, bool> Fails { get; set; } = _ => false;

    [Transform]
    private Item Check(Item item) => Fails(item) ? throw new InvalidOperationException("downstream service unavailable") : item;
}

/// <summary>Members of other types than their PostgreSQL columns, and one renamed with [Column].</summary>
public sealed class LooseItem
{
    public required long Id { get; init; }

    [Column("name")]
    public required string Label { get; init; }

    public long Qty { get; init; }

    public double? Price { get; set; }

    public DateTimeOffset UpdatedAt { get; init; }

    [NotMapped]
    public string Ignored { get; set; } = "not a column";
}

[Pattern("Etl")]
public partial class LooseItemCopy
{
    [Transform]
    private static async ValueTask<LooseItem> Pass(LooseItem item, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return item;
    }
}
