using System.Diagnostics;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Runs a <see cref="FileProcessingConfig"/>: reads the input file record by record, takes each record through the
/// per-record state machine (read, parse, validate, filter, transform, aggregate, write) and writes the records that
/// complete to the output file. Malformed input never stops a run: each bad record is counted as an error with its
/// location and reason, and goes to the dead-letter file when one is set.
/// </summary>
public sealed class FileProcessor
{
    /// <summary>Creates a processor for <paramref name="config"/>.</summary>
    /// <param name="config">The validated config.</param>
    public FileProcessor(FileProcessingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
    }

    /// <summary>The config this processor runs.</summary>
    public FileProcessingConfig Config { get; }

    /// <summary>Processes the file.</summary>
    /// <param name="cancellationToken">Stops the run; the output file is then not created.</param>
    /// <returns>The counts, where <c>RecordsRead == Written + Filtered + Errors</c>, and the errors.</returns>
    /// <exception cref="FileNotFoundException">The input file does not exist; the message names it.</exception>
    public Task<FileProcessingResult> ProcessAsync(CancellationToken cancellationToken = default) => ProcessAsync(null, cancellationToken);

    /// <summary>Processes the file, reporting progress.</summary>
    /// <param name="progress">Receives progress a few times a second and once at the end; may be null.</param>
    /// <param name="cancellationToken">Stops the run; the output file is then not created.</param>
    /// <returns>The counts, where <c>RecordsRead == Written + Filtered + Errors</c>, and the errors.</returns>
    /// <exception cref="FileNotFoundException">The input file does not exist; the message names it.</exception>
    public async Task<FileProcessingResult> ProcessAsync(IProgress<FileProcessingProgress>? progress, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var stages = new RecordStages(Config);
        var reader = RecordReaders.Open(Config);
        await using (reader.ConfigureAwait(false))
        {
            var output = OutputFile.Create(Config.OutputPath);
            await using (output.ConfigureAwait(false))
            {
                FileProcessingResult result;
                var ledger = new RunLedger(Config, reader, progress);
                await using (ledger.ConfigureAwait(false))
                {
                    var writer = RecordWriters.Create(Config, output.Stream);
                    await using (writer.ConfigureAwait(false))
                    {
                        var run = Config.Mode switch
                        {
                            ProcessingMode.Stream => StreamModeRun.RunAsync(reader, stages, writer, ledger, cancellationToken),
                            ProcessingMode.Batch => ChunkedModeRun.RunAsync(reader, stages, writer, ledger, Config.ChunkSize, Config.ParallelChunks, cancellationToken),
                            _ => ChunkedModeRun.RunAsync(reader, stages, writer, ledger, int.MaxValue, 1, cancellationToken),
                        };
                        await run.ConfigureAwait(false);
                        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    }

                    result = ledger.ToResult(stopwatch.Elapsed);
                }

                await output.CommitAsync().ConfigureAwait(false);
                return result;
            }
        }
    }
}
