using System.Threading.Channels;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Batch and whole modes: the reader fills chunks, up to <c>parallelChunks</c> chunks run through their machines at
/// once, and one consumer takes the finished chunks in input order and writes their records. Output order is the input
/// order whatever the parallelism, and at most about <c>parallelChunks + 2</c> chunks are in memory.
/// </summary>
internal static class ChunkedModeRun
{
    public static async Task RunAsync(
        RecordReader reader,
        RecordStages stages,
        IRecordWriter writer,
        RunLedger ledger,
        int chunkSize,
        int parallelChunks,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateBounded<Task<List<RecordContext>>>(new BoundedChannelOptions(parallelChunks) { SingleReader = true, SingleWriter = true });
        // Not disposed: after a failure, chunk tasks that are still running release it when they stop.
        var workers = new SemaphoreSlim(parallelChunks);
        var producer = Task.Run(() => ProduceAsync(reader, stages, chunks.Writer, workers, chunkSize, stop.Token), stop.Token);
        try
        {
            await foreach (var pending in chunks.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                foreach (var context in await pending.ConfigureAwait(false))
                {
                    if (context.End == RecordEnd.Written && await writer.WriteAsync(context.Record!, stop.Token).ConfigureAwait(false) is { } failure)
                    {
                        context.Failure = failure;
                        context.End = RecordEnd.Error;
                    }

                    await ledger.RecordAsync(context, stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(producer).ConfigureAwait(false);
            throw;
        }

        await producer.ConfigureAwait(false);
    }

    private static async Task ProduceAsync(
        RecordReader reader,
        RecordStages stages,
        ChannelWriter<Task<List<RecordContext>>> chunks,
        SemaphoreSlim workers,
        int chunkSize,
        CancellationToken cancellationToken)
    {
        try
        {
            var chunk = NewChunk(chunkSize);
            await foreach (var context in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                chunk.Add(context);
                if (chunk.Count == chunkSize)
                {
                    await SubmitAsync(chunk).ConfigureAwait(false);
                    chunk = NewChunk(chunkSize);
                }
            }

            if (chunk.Count > 0)
            {
                await SubmitAsync(chunk).ConfigureAwait(false);
            }

            chunks.Complete();
        }
        catch (Exception e)
        {
            chunks.Complete(e);
        }

        async Task SubmitAsync(List<RecordContext> full)
        {
            await workers.WaitAsync(cancellationToken).ConfigureAwait(false);
            var processing = Task.Run(() => ProcessAsync(full), cancellationToken);
            await chunks.WriteAsync(processing, cancellationToken).ConfigureAwait(false);
        }

        async Task<List<RecordContext>> ProcessAsync(List<RecordContext> chunk)
        {
            try
            {
                // The write stage of a chunk only marks records for the ordered write above.
                var machine = new RecordMachine(stages, DeferredSink.Instance);
                foreach (var context in chunk)
                {
                    await machine.ProcessAsync(context, cancellationToken).ConfigureAwait(false);
                }

                return chunk;
            }
            finally
            {
                workers.Release();
            }
        }
    }

    private static List<RecordContext> NewChunk(int chunkSize) => new(Math.Min(chunkSize, 16 * 1024));
}
