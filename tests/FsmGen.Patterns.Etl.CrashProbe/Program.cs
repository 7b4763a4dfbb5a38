// Runs one checkpointed ETL and prints a line after every committed transaction; FsmGen.Patterns.Etl.Tests starts it
// as a child process and kills it (SIGKILL) in the middle of the run, then resumes the run in-process.
//
// Usage: FsmGen.Patterns.Etl.CrashProbe <source connection> <source table> <target connection> <target table> <checkpoint id> <batch size> <delay ms per batch>
using System.Globalization;
using FsmGen.Patterns.Etl;
using FsmGen.Patterns.FileProcessing;

if (args.Length != 7)
{
    Console.Error.WriteLine("usage: <source connection> <source table> <target connection> <target table> <checkpoint id> <batch size> <delay ms per batch>");
    return 2;
}

var batchSize = int.Parse(args[5], CultureInfo.InvariantCulture);
var delay = TimeSpan.FromMilliseconds(int.Parse(args[6], CultureInfo.InvariantCulture));
var builder = new EtlConfigBuilder(EtlSource.FromTable(args[0], args[1]), args[2], args[3])
{
    Mode = EtlMode.Append,
    BatchSize = batchSize,
};
builder.KeyColumns.Add("id");

// Slows the run down (once per batch) so that the test can kill it while it is in the middle.
long seen = 0;
builder.Transform(async (Record record, CancellationToken ct) =>
{
    if (Interlocked.Increment(ref seen) % batchSize == 0)
    {
        await Task.Delay(delay, ct);
    }

    return record;
});

var progress = new Progress<EtlProgress>(p => Console.WriteLine($"committed {p.Loaded}"));
var result = await new DatabaseEtl(builder.Build()).RunAsync(args[4], progress);
Console.WriteLine(result);
return 0;
