using System.Runtime.CompilerServices;
using System.Threading.Channels;
using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// Reads a JSON, JSON Lines or CSV/TSV file with the file processing pattern itself: a <see cref="FileProcessor"/> in
/// stream mode whose one filter hands every parsed record over (through a small bounded channel, so the file is read
/// only as fast as the ETL loads it) and keeps nothing for its own output. Records the file processor cannot read
/// (a malformed line, an unterminated quote) are its errors, with their record numbers; they are reported when the
/// file has been read to its end, as records already failed at the extract stage. A resumed run reads the file again
/// and skips the records that earlier runs committed, by their ordinal among the readable records.
/// </summary>
internal sealed class FileSourceReader(EtlConfig config, long skipReadable) : SourceReader
{
    private const int HandOverCapacity = 1024;

    public override async IAsyncEnumerable<EtlRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var source = config.Source;
        if (!File.Exists(source.FilePath))
        {
            throw new EtlException($"The source file '{source.FilePath}' does not exist.");
        }

        var scratch = Directory.CreateTempSubdirectory("fsmgen-etl-");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var handOver = Channel.CreateBounded<Record>(new BoundedChannelOptions(HandOverCapacity) { SingleReader = true, SingleWriter = true });
        var builder = new FileProcessingConfigBuilder(source.FilePath!, Path.Combine(scratch.FullName, "unused.jsonl"))
        {
            InputFormat = source.FileFormat,
            OutputFormat = FileFormat.JsonLines,
            Mode = ProcessingMode.Stream,
            EmptyInputIsError = false,
            MaxErrorDetails = Math.Max(config.MaxErrorDetails, 1),
            IncludeValuesInErrors = config.IncludeValuesInErrors,
        };
        builder.Filter(async (record, token) =>
        {
            await handOver.Writer.WriteAsync(record, token).ConfigureAwait(false);
            return false;
        });
        var processor = new FileProcessor(builder.Build());
        var reading = Task.Run(
            async () =>
            {
                try
                {
                    var result = await processor.ProcessAsync(stop.Token).ConfigureAwait(false);
                    handOver.Writer.TryComplete();
                    return result;
                }
                catch (Exception e)
                {
                    handOver.Writer.TryComplete(e);
                    throw;
                }
            },
            CancellationToken.None);

        try
        {
            long ordinal = 0;
            while (await handOver.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (handOver.Reader.TryRead(out var record))
                {
                    ordinal++;
                    if (ordinal > skipReadable)
                    {
                        yield return new EtlRecordContext(ordinal, record) { Ordinal = ordinal };
                    }
                }
            }

            var fileResult = await reading.ConfigureAwait(false);
            foreach (var error in fileResult.ErrorDetails)
            {
                yield return EtlRecordContext.Unreadable(error.RecordNumber, error.Field, DescribeReadError(error));
            }

            // Errors beyond the detail limit are still records: count them, without details.
            for (var i = fileResult.ErrorDetails.Count; i < fileResult.Errors; i++)
            {
                yield return EtlRecordContext.Unreadable(0, null, "the file processor reported an unreadable record beyond MaxErrorDetails");
            }

            UnreadableRecordNumbers = fileResult.ErrorDetails.Select(e => e.RecordNumber).Order().ToArray();
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await reading.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Already surfaced through the channel, or the run stopped reading on purpose.
            }

            try
            {
                scratch.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temporary directory left behind is harmless.
            }
        }
    }

    /// <summary>The record numbers (in the file) of the unreadable records, once the file has been read to its end.</summary>
    public long[]? UnreadableRecordNumbers { get; private set; }

    private static string DescribeReadError(FileProcessingError error) => error.LineNumber > 0
        ? $"line {error.LineNumber}: {error.Stage}: {error.Reason}"
        : $"{error.Stage}: {error.Reason}";
}
