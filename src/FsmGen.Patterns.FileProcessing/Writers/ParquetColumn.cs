using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>One column of the row group being written: converts values to its type and buffers them.</summary>
internal abstract class ParquetColumn
{
    protected ParquetColumn(DataField field) => Field = field;

    public DataField Field { get; }

    public static ParquetColumn Create(string name, Type type)
    {
        var field = new DataField(name, type, isNullable: true);
        return type switch
        {
            _ when type == typeof(string) => new TextColumn(field),
            _ when type == typeof(byte[]) => new BytesColumn(field),
            _ when type == typeof(bool) => new ValueColumn<bool>(field),
            _ when type == typeof(int) => new ValueColumn<int>(field),
            _ when type == typeof(long) => new ValueColumn<long>(field),
            _ when type == typeof(float) => new ValueColumn<float>(field),
            _ when type == typeof(double) => new ValueColumn<double>(field),
            _ when type == typeof(decimal) => new ValueColumn<decimal>(field),
            _ when type == typeof(DateTime) => new ValueColumn<DateTime>(field),
            _ when type == typeof(DateOnly) => new ValueColumn<DateOnly>(field),
            _ when type == typeof(TimeSpan) => new ValueColumn<TimeSpan>(field),
            _ => new TextColumn(new DataField(name, typeof(string), isNullable: true)),
        };
    }

    /// <summary>Converts <paramref name="value"/> to the column's type without buffering it.</summary>
    public abstract bool TryConvert(object? value, out object? converted);

    /// <summary>Buffers a value that <see cref="TryConvert"/> produced.</summary>
    public abstract void Add(object? converted);

    /// <summary>Writes the buffered values as this column of <paramref name="rowGroup"/> and clears the buffer.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken);

    private sealed class ValueColumn<T>(DataField field) : ParquetColumn(field)
        where T : struct
    {
        private readonly List<T?> _values = [];

        public override bool TryConvert(object? value, out object? converted)
        {
            converted = null;
            switch (value)
            {
                case null:
                    return true;
                case T same:
                    converted = same;
                    return true;
                case DateTimeOffset offset when typeof(T) == typeof(DateTime):
                    converted = offset.UtcDateTime;
                    return true;
                case IConvertible convertible:
                    try
                    {
                        converted = convertible.ToType(typeof(T), CultureInfo.InvariantCulture);
                        return true;
                    }
                    catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
                    {
                        return false;
                    }

                default:
                    return false;
            }
        }

        public override void Add(object? converted) => _values.Add((T?)converted);

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
        {
            await rowGroup.WriteAsync<T>(Field, _values.ToArray().AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
            _values.Clear();
        }
    }

    private sealed class TextColumn(DataField field) : ParquetColumn(field)
    {
        private readonly List<string> _values = [];

        public override bool TryConvert(object? value, out object? converted)
        {
            converted = ValueText.Format(value);
            return true;
        }

        public override void Add(object? converted) => _values.Add((string)converted!);

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
        {
            await rowGroup.WriteAsync(Field, _values.ToArray(), null).ConfigureAwait(false);
            _values.Clear();
        }
    }

    private sealed class BytesColumn(DataField field) : ParquetColumn(field)
    {
        private readonly List<byte[]> _values = [];

        public override bool TryConvert(object? value, out object? converted)
        {
            converted = value;
            return value is null or byte[];
        }

        public override void Add(object? converted) => _values.Add((byte[])converted!);

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
        {
            await rowGroup.WriteAsync(Field, _values.ToArray(), null).ConfigureAwait(false);
            _values.Clear();
        }
    }
}
