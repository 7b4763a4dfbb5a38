namespace FsmGen.Generators.Tests.Sources;

internal static partial class MachineSources
{
    /// <summary>A small <c>[Pattern("Etl")]</c> class: one slot of each kind over a positional record.</summary>
    public const string EtlPattern = """
        using System;
        using FsmGen;
        using FsmGen.Patterns.Etl;

        namespace Demo.Etl;

        public sealed record Customer(long Id, string Name, string Email, DateTime UpdatedAt, string? Segment = null);

        [Pattern("Etl")]
        public partial class CustomerLoad
        {
            [Validate(Field = "email")]
            private static bool HasEmail(Customer c) => c.Email.Contains('@');

            [Transform]
            private static Customer Normalize(Customer c) => c with { Email = c.Email.ToLowerInvariant() };

            [Enrich]
            private Customer AddSegment(Customer c) => c with { Segment = c.Id % 2 == 0 ? "even" : "odd" };
        }
        """;

    /// <summary>Every supported member type and nullable form, every binding, [Column]/[NotMapped], async slots, a struct record and a nested class.</summary>
    public const string EtlAllKinds = """
        using System;
        using System.ComponentModel.DataAnnotations.Schema;
        using System.Threading;
        using System.Threading.Tasks;
        using FsmGen;
        using FsmGen.Patterns.Etl;

        namespace Demo.EtlKinds;

        public sealed class Everything
        {
            public long L { get; init; }
            public long? NL { get; set; }
            public int I { get; init; }
            public int? NI { get; set; }
            public short S { get; init; }
            public short? NS { get; set; }
            public decimal M { get; init; }
            public decimal? NM { get; set; }
            public double D { get; init; }
            public double? ND { get; set; }
            public float F { get; init; }
            public float? NF { get; set; }
            public bool B { get; init; }
            public bool? NB { get; set; }
            public string Text { get; init; } = "";
            public string? MaybeText { get; set; }
            public DateTime When { get; init; }
            public DateTime? MaybeWhen { get; set; }
            public DateTimeOffset At { get; init; }
            public DateTimeOffset? MaybeAt { get; set; }
            public Guid Id { get; init; }
            public Guid? MaybeId { get; set; }
            public byte[] Blob { get; init; } = Array.Empty<byte>();
            public byte[]? MaybeBlob { get; set; }
            [Column("renamed_column")]
            public required string Renamed { get; set; }
            [NotMapped]
            public object? Ignored { get; set; }
        }

        public readonly record struct Point(int X, int Y);

        public sealed record WithDefaults(long A, string B = "b\"", double D = 0.5, decimal M = -1.25m, long? F = null, bool G = true);

        public static partial class Outer
        {
            [Pattern("Etl")]
            public partial class EverythingLoad
            {
                [Validate(Reason = "no text")]
                private static ValueTask<bool> HasText(Everything e, CancellationToken cancellationToken) => new(e.Text.Length > 0);

                [Transform]
                private static async Task<Everything> Touch(Everything e, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return e;
                }

                [Enrich]
                private static Task<Everything> Enrich(Everything e) => Task.FromResult(e);
            }
        }

        [Pattern("Etl")]
        public partial class PointLoad
        {
            [Transform]
            private static Point Move(Point p) => p with { X = p.X + 1 };

            [Transform]
            private static Point MoveAgain(Point p) => p with { Y = p.Y + 1 };
        }

        [Pattern("Etl")]
        public partial class DefaultsLoad
        {
            [Enrich]
            private WithDefaults Same(WithDefaults w) => w;
        }
        """;
}
