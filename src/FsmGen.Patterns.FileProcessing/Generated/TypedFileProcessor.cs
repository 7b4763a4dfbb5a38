using System.ComponentModel;
using System.Diagnostics;

namespace FsmGen.Patterns.FileProcessing.Generated;

/// <summary>
/// Runs a typed <c>[Pattern("FileProcessing")]</c> class over a file: what its generated <c>ProcessAsync</c> calls.
/// Counting, error details, the dead-letter file, progress, modes and the all-or-nothing output file are those of
/// <see cref="FileProcessor"/>. Called by generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TypedFileProcessor
{
    /// <summary>Processes the input file of <paramref name="config"/> with a generated machine and record format.</summary>
    /// <typeparam name="TState">The machine's state enum.</typeparam>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="machine">The generated machine: the [Pattern] class itself.</param>
    /// <param name="format">The generated reader and writers of <typeparamref name="TRecord"/>.</param>
    /// <param name="config">Input, output, mode and limits. Its dictionary stages must be empty: the class's methods are the stages.</param>
    /// <param name="progress">Receives progress a few times a second and once at the end; may be null.</param>
    /// <param name="cancellationToken">Stops the run; the output file is then not created.</param>
    /// <returns>The counts, where <c>RecordsRead == Written + Filtered + Errors</c>, and the errors.</returns>
    /// <exception cref="ArgumentException">The config asks for something a typed processor does not do (a format other than CSV/TSV in, or dictionary stages).</exception>
    /// <exception cref="FileNotFoundException">The input file does not exist; the message names it.</exception>
    public static async Task<FileProcessingResult> ProcessAsync<TState, TRecord>(
        IDataFlowMachine<TState, FileRecord<TRecord>> machine,
        TypedRecordFormat<TRecord> format,
        FileProcessingConfig config,
        IProgress<FileProcessingProgress>? progress,
        CancellationToken cancellationToken)
        where TState : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(config);
        CheckConfig(config);

        // One pool thread runs the record loop, whose reads and writes complete synchronously: blocks are read ahead
        // (ReadAheadStream) and written behind (WriteBehind, for JSON) on threads of their own. The caller's thread returns at once.
        return await Task.Run(() => RunAsync(machine, format, config, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<FileProcessingResult> RunAsync<TState, TRecord>(
        IDataFlowMachine<TState, FileRecord<TRecord>> machine,
        TypedRecordFormat<TRecord> format,
        FileProcessingConfig config,
        IProgress<FileProcessingProgress>? progress,
        CancellationToken cancellationToken)
        where TState : struct, Enum
    {
        var stopwatch = Stopwatch.StartNew();
        var input = InputStream.Open(config.InputPath, asynchronous: false);
        var readAhead = new ReadAheadStream(input);
        var rows = new CsvRows(config, readAhead, config.InputFormat == FileFormat.Tsv ? '\t' : ',', synchronous: true);
        await using (rows.ConfigureAwait(false))
        {
            var output = OutputFile.Create(config.OutputPath);
            await using (output.ConfigureAwait(false))
            {
                FileProcessingResult result;
                var ledger = new RunLedger(config, new TypedInputPosition(rows, readAhead, input), progress);
                await using (ledger.ConfigureAwait(false))
                {
                    var writer = TypedRecordWriter<TRecord>.Create(config, new SynchronousStream(output.Stream), format);
                    await using (writer.ConfigureAwait(false))
                    {
                        await new TypedRun<TState, TRecord>(machine, format, config, rows, writer, ledger).RunAsync(cancellationToken).ConfigureAwait(false);
                        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    }

                    result = ledger.ToResult(stopwatch.Elapsed);
                }

                await output.CommitAsync().ConfigureAwait(false);
                return result;
            }
        }
    }

    private static void CheckConfig(FileProcessingConfig config)
    {
        const string Typed = "for a typed [Pattern(\"FileProcessing\")] processor";
        if (config.InputFormat is not (FileFormat.Csv or FileFormat.Tsv))
        {
            throw Invalid(nameof(config.InputFormat), $"must be Csv or Tsv {Typed}, but is {config.InputFormat}");
        }

        if (config.OutputFormat is not (FileFormat.JsonLines or FileFormat.Json or FileFormat.Csv or FileFormat.Tsv))
        {
            throw Invalid(nameof(config.OutputFormat), $"must be JsonLines, Json, Csv or Tsv {Typed}, but is {config.OutputFormat}");
        }

        const string Stages = "the stages of a typed processor are the [Validate], [Filter], [Transform] and [Aggregate] methods of its class";
        if (config.ValidationSchema is not null)
        {
            throw Invalid(nameof(config.ValidationSchema), $"must be null {Typed}: {Stages}");
        }

        if (config.Filters.Count > 0)
        {
            throw Invalid(nameof(config.Filters), $"must be empty {Typed}: {Stages}");
        }

        if (config.Transformations.Count > 0)
        {
            throw Invalid(nameof(config.Transformations), $"must be empty {Typed}: {Stages}");
        }

        if (config.Aggregations.Count > 0)
        {
            throw Invalid(nameof(config.Aggregations), $"must be empty {Typed}: {Stages}");
        }
    }

    private static ArgumentException Invalid(string field, string problem) => new($"FileProcessingConfig.{field} {problem}.", field);

    /// <summary>
    /// Progress of a typed run: the bytes the CSV reader has taken (not those read ahead for it), the file's length, and
    /// lines from the CSV rows.
    /// </summary>
    private sealed class TypedInputPosition(CsvRows rows, ReadAheadStream readAhead, InputStream input) : IInputPosition
    {
        public long BytesRead => readAhead.BytesDelivered;

        public long TotalBytes => input.Length;

        public long LinesRead => rows.LinesRead;
    }
}
