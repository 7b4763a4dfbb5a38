namespace FsmGen.Patterns.FileProcessing;

/// <summary>Where the write stage hands a finished record: the output writer itself, or a chunk that is written later in input order.</summary>
internal interface IRecordSink
{
    /// <summary>Takes the record.</summary>
    /// <returns>Null when accepted; otherwise why the record cannot be written (nothing of it was written).</returns>
    ValueTask<StageFailure?> AcceptAsync(Record record, CancellationToken cancellationToken);
}

/// <summary>The sink of batch chunks: accepts everything; the ordered drain writes the records when their chunk's turn comes.</summary>
internal sealed class DeferredSink : IRecordSink
{
    public static readonly DeferredSink Instance = new();

    public ValueTask<StageFailure?> AcceptAsync(Record record, CancellationToken cancellationToken) => default;
}

/// <summary>The sink of stream mode: writes through to the output writer.</summary>
internal sealed class WriterSink(IRecordWriter writer) : IRecordSink
{
    public ValueTask<StageFailure?> AcceptAsync(Record record, CancellationToken cancellationToken) => writer.WriteAsync(record, cancellationToken);
}
