namespace FsmGen.Patterns.FileProcessing;

/// <summary>The Parquet column types that record values map to, and how mixed types widen.</summary>
internal static class ParquetTypes
{
    /// <summary>The column type for one value: its own type where Parquet has one, else string.</summary>
    public static Type ColumnTypeOf(object value) => value switch
    {
        bool => typeof(bool),
        int or short or byte or sbyte or ushort => typeof(int),
        long or uint => typeof(long),
        float => typeof(float),
        double => typeof(double),
        decimal => typeof(decimal),
        DateTime or DateTimeOffset => typeof(DateTime),
        DateOnly => typeof(DateOnly),
        TimeSpan => typeof(TimeSpan),
        byte[] => typeof(byte[]),
        _ => typeof(string),
    };

    /// <summary>The narrowest type that holds values of both <paramref name="current"/> (null: no value yet) and <paramref name="next"/>.</summary>
    public static Type Widen(Type? current, Type next)
    {
        if (current is null || current == next)
        {
            return next;
        }

        var currentRank = NumericRank(current);
        var nextRank = NumericRank(next);
        if (currentRank == 0 || nextRank == 0)
        {
            return typeof(string);
        }

        // Integers widen to long; any floating value makes the column double; decimal stays decimal with integers only.
        if (currentRank <= 2 && nextRank <= 2)
        {
            return typeof(long);
        }

        if ((current == typeof(decimal) && nextRank <= 2) || (next == typeof(decimal) && currentRank <= 2))
        {
            return typeof(decimal);
        }

        return typeof(double);
    }

    private static int NumericRank(Type type) =>
        type == typeof(int) ? 1 : type == typeof(long) ? 2 : type == typeof(float) ? 3 : type == typeof(double) ? 4 : type == typeof(decimal) ? 5 : 0;
}
