namespace FsmGen.Patterns.FileProcessing;

/// <summary>Stream mode: one record at a time through one machine whose write stage writes straight to the output. Memory stays constant.</summary>
internal static class StreamModeRun
{
    public static async Task RunAsync(RecordReader reader, RecordStages stages, IRecordWriter writer, RunLedger ledger, CancellationToken cancellationToken)
    {
        var machine = new RecordMachine(stages, new WriterSink(writer));
        await foreach (var context in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await machine.ProcessAsync(context, cancellationToken).ConfigureAwait(false);
            await ledger.RecordAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }
}
