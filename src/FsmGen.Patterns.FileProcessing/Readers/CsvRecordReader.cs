namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Reads CSV and TSV with CsvHelper (through <see cref="CsvRows"/>): a header row names the fields, and every value is
/// a string (an empty field is ""). Malformed rows come out as failed records with their line and byte offset.
/// </summary>
internal sealed class CsvRecordReader : RecordReader
{
    private readonly CsvRows _rows;

    public CsvRecordReader(FileProcessingConfig config, InputStream input, char separator)
        : base(config, input) => _rows = new CsvRows(config, input, separator);

    protected override string EmptyInputReason => _rows.EmptyInputReason;

    protected override async IAsyncEnumerable<RecordContext> ReadRecordsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string[]? fields = null;
        var csv = _rows.Reader;
        while (true)
        {
            var kind = await _rows.NextAsync(cancellationToken).ConfigureAwait(false);
            LinesRead = _rows.LinesRead;
            if (kind == CsvRowKind.End)
            {
                break;
            }

            if (kind == CsvRowKind.Failed)
            {
                yield return _rows.Failed!;
                continue;
            }

            fields ??= UniqueNames(csv.Headers);
            var record = new Record(fields.Length);
            var count = Math.Min(fields.Length, csv.FieldCount);
            for (var i = 0; i < count; i++)
            {
                record[fields[i]] = csv.GetString(i);
            }

            yield return new RecordContext
            {
                LineNumber = csv.LineNumber,
                ByteOffset = csv.ByteOffset,
                RawUtf8 = KeepRaw ? csv.RawRecord.ToArray() : default,
                Record = record,
            };
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _rows.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Header names as field names: a blank name becomes <c>ColumnN</c>, a repeated one gets a suffix (<c>name_2</c>).</summary>
    private static string[] UniqueNames(IReadOnlyList<string> headers)
    {
        var names = new string[headers.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var name = string.IsNullOrWhiteSpace(headers[i]) ? $"Column{i + 1}" : headers[i];
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = $"{name}_{n}";
            }

            names[i] = unique;
        }

        return names;
    }
}
