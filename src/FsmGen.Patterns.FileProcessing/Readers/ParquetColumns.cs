using Parquet;
using Parquet.Schema;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>Reads one column of a row group as boxed values, dispatching once per column (not per value) on its CLR type.</summary>
internal static class ParquetColumns
{
    public static async ValueTask<object?[]> ReadAsync(ParquetRowGroupReader rowGroup, DataField field, int rows, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        // Parquet.Net describes string columns of files it reads as ReadOnlyMemory<char>; they read as strings.
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[rows];
            await rowGroup.ReadAsync(field, strings.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return strings;
        }

        if (type == typeof(byte[]))
        {
            var bytes = new byte[]?[rows];
            await rowGroup.ReadAsync(field, bytes.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return bytes;
        }

        return type switch
        {
            _ when type == typeof(bool) => await ReadValuesAsync<bool>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(sbyte) => await ReadValuesAsync<sbyte>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(byte) => await ReadValuesAsync<byte>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(short) => await ReadValuesAsync<short>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(ushort) => await ReadValuesAsync<ushort>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(int) => await ReadValuesAsync<int>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(uint) => await ReadValuesAsync<uint>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(long) => await ReadValuesAsync<long>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(ulong) => await ReadValuesAsync<ulong>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(float) => await ReadValuesAsync<float>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(double) => await ReadValuesAsync<double>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(decimal) => await ReadValuesAsync<decimal>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(DateTime) => await ReadValuesAsync<DateTime>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(DateOnly) => await ReadValuesAsync<DateOnly>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(TimeOnly) => await ReadValuesAsync<TimeOnly>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(TimeSpan) => await ReadValuesAsync<TimeSpan>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(Guid) => await ReadValuesAsync<Guid>(rowGroup, field, rows, cancellationToken).ConfigureAwait(false),
            _ => throw new NotSupportedException($"Parquet column '{field.Name}' has the type {type.Name}, which the file processor cannot read."),
        };
    }

    private static async ValueTask<object?[]> ReadValuesAsync<T>(ParquetRowGroupReader rowGroup, DataField field, int rows, CancellationToken cancellationToken)
        where T : struct
    {
        var boxed = new object?[rows];
        if (field.IsNullable)
        {
            var values = new T?[rows];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                boxed[i] = values[i];
            }
        }
        else
        {
            var values = new T[rows];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                boxed[i] = values[i];
            }
        }

        return boxed;
    }
}
