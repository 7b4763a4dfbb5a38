using Parquet;
using Parquet.Schema;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Writes Parquet in row groups of <see cref="RowGroupSize"/> records, so memory stays bounded. The schema is inferred
/// from the first row group: one nullable column per field, typed by the field's values (mixed integer and floating
/// values widen to a floating type; anything else mixed, and nested values, become strings). Later records are
/// converted to the column types; a field outside the schema or a value that does not convert is a write error.
/// A run that writes no record leaves an empty file.
/// </summary>
internal sealed class ParquetRecordWriter(Stream output) : IRecordWriter
{
    /// <summary>Records per row group: large enough for efficient columns, small enough for constant memory.</summary>
    public const int RowGroupSize = 10_000;

    private readonly List<Record> _firstGroup = [];
    private ParquetColumn[]? _columns;
    private Dictionary<string, int>? _columnIndex;
    private ParquetWriter? _writer;
    private int _buffered;

    public async ValueTask<StageFailure?> WriteAsync(Record record, CancellationToken cancellationToken)
    {
        if (_columns is null)
        {
            _firstGroup.Add(record);
            if (_firstGroup.Count >= RowGroupSize)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return null;
        }

        if (Append(record) is { } failure)
        {
            return failure;
        }

        if (_buffered >= RowGroupSize)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private StageFailure? Append(Record record)
    {
        var row = new object?[_columns!.Length];
        foreach (var (name, value) in record)
        {
            if (!_columnIndex!.TryGetValue(name, out var column))
            {
                return RecordWriters.UnknownField(name, "Parquet schema's columns");
            }

            if (!_columns[column].TryConvert(value, out row[column]))
            {
                return new StageFailure(ProcessingStage.Write, name, $"field '{name}' cannot be stored in its Parquet column of type {_columns[column].Field.ClrType.Name}");
            }
        }

        for (var c = 0; c < row.Length; c++)
        {
            _columns[c].Add(row[c]);
        }

        _buffered++;
        return null;
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_columns is null)
        {
            if (_firstGroup.Count == 0)
            {
                return;
            }

            CreateColumns();
            foreach (var record in _firstGroup)
            {
                // The columns were inferred from these very records, so every value converts.
                Append(record);
            }

            _firstGroup.Clear();
        }

        if (_buffered == 0)
        {
            return;
        }

        _writer ??= await ParquetWriter.CreateAsync(new ParquetSchema(_columns!.Select(c => (Field)c.Field)), output, cancellationToken: cancellationToken).ConfigureAwait(false);
        using (var rowGroup = _writer.CreateRowGroup())
        {
            foreach (var column in _columns!)
            {
                await column.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }
        }

        _buffered = 0;
    }

    private void CreateColumns()
    {
        var names = new List<string>();
        var types = new Dictionary<string, Type?>(StringComparer.Ordinal);
        foreach (var record in _firstGroup)
        {
            foreach (var (name, value) in record)
            {
                if (!types.TryGetValue(name, out var type))
                {
                    names.Add(name);
                    type = null;
                }

                types[name] = value is null ? type : ParquetTypes.Widen(type, ParquetTypes.ColumnTypeOf(value));
            }
        }

        _columns = names.Select(name => ParquetColumn.Create(name, types[name] ?? typeof(string))).ToArray();
        _columnIndex = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
    }
}
