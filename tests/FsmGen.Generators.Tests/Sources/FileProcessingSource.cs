namespace FsmGen.Generators.Tests.Sources;

internal static partial class MachineSources
{
    /// <summary>A small <c>[Pattern("FileProcessing")]</c> class: one slot of each kind over a positional record.</summary>
    public const string FileProcessingPattern = """
        using FsmGen;
        using FsmGen.Patterns.FileProcessing;

        namespace Demo.Files;

        public sealed record Order(long Id, string Email, decimal Amount, string Status, decimal Total = 0);

        [Pattern("FileProcessing")]
        public partial class PaidOrders
        {
            public decimal Revenue { get; private set; }

            [Validate(Field = "Email")]
            private static bool HasEmail(Order o) => o.Email.Contains('@');

            [Filter]
            private static bool IsPaid(Order o) => o.Status == "paid";

            [Transform]
            private static Order AddTax(Order o) => o with { Total = o.Amount * 1.2m };

            [Aggregate]
            private void Sum(Order o) => Revenue += o.Total;
        }
        """;

    /// <summary>Every supported member kind, settable and init properties, async slots, a struct record and a nested class.</summary>
    public const string FileProcessingAllKinds = """
        using System;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using CsvHelper;
        using FsmGen;
        using FsmGen.Patterns.FileProcessing;

        namespace Demo.Kinds;

        public enum Level : short { Low = -1, High = 1 }

        public sealed class Everything
        {
            public string Text { get; init; } = "";
            public string? MaybeText { get; set; }
            public bool Flag { get; init; }
            public char Letter { get; init; }
            public byte B { get; init; }
            public sbyte SB { get; init; }
            public short S { get; init; }
            public ushort US { get; init; }
            public int I { get; init; }
            public uint UI { get; init; }
            public long L { get; init; }
            public ulong UL { get; init; }
            public float F { get; init; }
            public double D { get; init; }
            public decimal M { get; init; }
            public DateTime When { get; init; }
            public DateTimeOffset WhenOffset { get; init; }
            public DateOnly Day { get; init; }
            public TimeOnly Time { get; init; }
            public TimeSpan Span { get; init; }
            public Guid Id { get; init; }
            public Level Level { get; init; }
            public int? MaybeInt { get; set; }
            public Level? MaybeLevel { get; set; }
            [CsvColumn("renamed_column")]
            [JsonPropertyName("renamed")]
            public double? MaybeDouble { get; set; }
            [CsvIgnore]
            public object? Ignored { get; set; }
            public required string Required { get; set; }
        }

        public readonly record struct Point(int X, int Y);

        public sealed record WithDefaults(int A, string B = "b\"", Level C = Level.High, double D = 0.5, char E = 'x', long? F = null, ulong G = 7);

        public static partial class Outer
        {
            [Pattern("FileProcessing")]
            public partial class EverythingFlow
            {
                [Validate(Reason = "no text")]
                private static ValueTask<bool> HasText(Everything e, CancellationToken cancellationToken) => new(e.Text.Length > 0);

                [Filter]
                private static Task<bool> Keep(Everything e) => Task.FromResult(true);

                [Transform]
                private static async Task<Everything> Touch(Everything e, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return e;
                }

                [Aggregate]
                private static ValueTask Seen(Everything e) => default;
            }
        }

        [Pattern("FileProcessing")]
        public partial class PointFlow
        {
            [Transform]
            private static Point Move(Point p) => p with { X = p.X + 1 };

            [Transform]
            private static Point MoveAgain(Point p) => p with { Y = p.Y + 1 };
        }

        [Pattern("FileProcessing")]
        public partial class DefaultsFlow
        {
            [Filter]
            private bool NotA(WithDefaults w) => w.A != 0;
        }
        """;
}
