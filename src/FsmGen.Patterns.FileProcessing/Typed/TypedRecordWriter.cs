using System.Buffers;
using System.Text.Json;
using CsvHelper;
using FsmGen.Patterns.FileProcessing.Generated;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Writes typed records with the generated <see cref="TypedRecordFormat{TRecord}"/>, in the order given, whole or not
/// at all: a record that throws while it is written leaves nothing of it in the output.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal abstract class TypedRecordWriter<TRecord> : IAsyncDisposable
{
    public static TypedRecordWriter<TRecord> Create(FileProcessingConfig config, Stream output, TypedRecordFormat<TRecord> format) => config.OutputFormat switch
    {
        FileFormat.JsonLines => new TypedJsonWriter<TRecord>(output, format, asArray: false),
        FileFormat.Json => new TypedJsonWriter<TRecord>(output, format, asArray: true),
        FileFormat.Csv => new TypedCsvWriter<TRecord>(output, format, ',', config.CsvInjection),
        FileFormat.Tsv => new TypedCsvWriter<TRecord>(output, format, '\t', config.CsvInjection),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.OutputFormat, "Typed processors write JSON Lines, JSON, CSV or TSV."),
    };

    /// <summary>Writes <paramref name="record"/>; throws (having written nothing of it) when it cannot be written.</summary>
    public abstract ValueTask WriteAsync(TRecord record, CancellationToken cancellationToken);

    /// <summary>Finishes the document and flushes everything to the output stream.</summary>
    public abstract ValueTask CompleteAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}

/// <summary>CSV or TSV through CsvHelper's writer: the header is the record type's columns, written first.</summary>
internal sealed class TypedCsvWriter<TRecord> : TypedRecordWriter<TRecord>
{
    private readonly CsvWriter _csv;
    private readonly TypedRecordFormat<TRecord> _format;

    public TypedCsvWriter(Stream output, TypedRecordFormat<TRecord> format, char separator, CsvInjection injection)
    {
        _format = format;
        var options = new CsvWriterOptions
        {
            Separator = separator,
            Injection = injection,
            TrueValue = "true",
            FalseValue = "false",
            NewLine = "\n",
        };
        _csv = CsvWriter.Create(output, options, leaveOpen: true);
        _csv.WriteHeader(format.ColumnNames);
    }

    public override ValueTask WriteAsync(TRecord record, CancellationToken cancellationToken)
    {
        // CsvHelper discards a record whose field throws (formula injection with CsvInjection.Throw).
        _format.WriteCsv(_csv, record);
        return _csv.EndRecordAsync(cancellationToken);
    }

    public override ValueTask CompleteAsync(CancellationToken cancellationToken) => _csv.FlushAsync(cancellationToken);

    public override ValueTask DisposeAsync() => _csv.DisposeAsync();
}
