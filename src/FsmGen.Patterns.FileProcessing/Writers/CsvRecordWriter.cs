using CsvHelper;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Writes CSV or TSV with CsvHelper (RFC 4180 quoting). The first record's fields are the header and the columns; a
/// later record may leave fields out (empty cells) but a field outside the header is a write error, never dropped.
/// Text that a spreadsheet would run as a formula is escaped as the config says (CsvHelper's <c>Injection</c>).
/// </summary>
internal sealed class CsvRecordWriter : IRecordWriter
{
    private readonly CsvWriter _csv;
    private string[]? _columns;
    private HashSet<string>? _known;

    public CsvRecordWriter(Stream output, char separator, CsvInjection injection)
    {
        var options = new CsvWriterOptions
        {
            Separator = separator,
            Injection = injection,
            TrueValue = "true",
            FalseValue = "false",
            NewLine = "\n",
        };
        _csv = CsvWriter.Create(output, options, leaveOpen: true);
    }

    public async ValueTask<StageFailure?> WriteAsync(Record record, CancellationToken cancellationToken)
    {
        if (_columns is null)
        {
            _columns = [.. record.Keys];
            _known = new HashSet<string>(_columns, StringComparer.Ordinal);
            _csv.WriteHeader(_columns);
        }
        else
        {
            foreach (var field in record.Keys)
            {
                if (!_known!.Contains(field))
                {
                    return RecordWriters.UnknownField(field, "CSV header's columns");
                }
            }
        }

        foreach (var column in _columns)
        {
            record.TryGetValue(column, out var value);
            switch (value)
            {
                case null: _csv.WriteField((string?)null); break;
                case string text: _csv.WriteField(text); break;
                case bool flag: _csv.WriteField(flag); break;
                case long number: _csv.WriteField(number, default); break;
                case int number: _csv.WriteField(number, default); break;
                case double number: _csv.WriteField(number, default); break;
                case decimal number: _csv.WriteField(number, default); break;
                default: _csv.WriteField(ValueText.IsNested(value) ? ValueText.Format(value) : value); break;
            }
        }

        await _csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => _csv.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
