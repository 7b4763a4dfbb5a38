using Parquet;
using Parquet.Schema;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Reads Parquet one row group at a time (memory is bounded by the largest row group, not the file). Every top-level
/// column becomes a field whose value has the column's CLR type (int, long, float, double, decimal, bool, string,
/// DateTime, DateOnly, TimeSpan, byte[] ...), or null. Records have no line numbers: errors give the record number.
/// A file that is not Parquet, or has nested columns, is one failed record.
/// </summary>
internal sealed class ParquetRecordReader(FileProcessingConfig config, InputStream input) : RecordReader(config, input)
{
    protected override string EmptyInputReason => "the Parquet file has no rows";

    protected override async IAsyncEnumerable<RecordContext> ReadRecordsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ParquetReader? reader = null;
        string? problem = null;
        try
        {
            reader = await ParquetReader.CreateAsync(Input, new ParquetOptions { UseDateOnlyTypeForDates = true }, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
            if (reader.Schema.Fields.Any(field => field is not DataField))
            {
                problem = "the Parquet file has nested columns (lists, maps or structs), which records of fields cannot hold";
            }
        }
        catch (Exception e) when (e is IOException or ParquetException or InvalidDataException or ArgumentException)
        {
            problem = $"the file is not a readable Parquet file: {e.Message}";
        }

        if (problem is not null)
        {
            yield return RecordContext.Unreadable(0, 0, problem);
            yield break;
        }

        var parquet = reader!;
        await using (parquet)
        {
            var fields = parquet.Schema.DataFields;
            for (var group = 0; group < parquet.RowGroupCount; group++)
            {
                var rowGroup = parquet.OpenRowGroupReader(group);
                var rows = checked((int)rowGroup.RowCount);
                var columns = new object?[fields.Length][];
                for (var c = 0; c < fields.Length; c++)
                {
                    columns[c] = await ParquetColumns.ReadAsync(rowGroup, fields[c], rows, cancellationToken).ConfigureAwait(false);
                }

                for (var row = 0; row < rows; row++)
                {
                    var record = new Record(fields.Length);
                    for (var c = 0; c < fields.Length; c++)
                    {
                        record[fields[c].Name] = columns[c][row];
                    }

                    yield return new RecordContext { Record = record };
                }
            }
        }
    }
}
