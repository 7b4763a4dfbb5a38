using System.Text;

namespace FsmGen.Patterns.FileProcessing.Tests;

public sealed class ProcessingModeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    // <batch-keeps-order>
    public async Task Batch_mode_with_parallel_chunks_keeps_the_input_order_even_when_later_chunks_finish_first()
    {
        var input = _dir.Write("numbers.csv", Numbers(1000));
        var output = _dir.File("out.jsonl");
        var builder = new FileProcessingConfigBuilder(input, output) { Mode = ProcessingMode.Batch, ChunkSize = 50, ParallelChunks = 4 }
            .Transform(async (record, ct) =>
            {
                // Early chunks are slowest, so chunks finish out of order.
                var n = int.Parse((string)record["n"]!);
                if (n % 50 == 1)
                {
                    await Task.Delay(Math.Max(0, 40 - (n / 25)), ct);
                }

                record["square"] = (long)n * n;
                return record;
            });

        var result = await builder.RunAsync();

        Assert.Equal((1000L, 1000L), (result.RecordsRead, result.Written));
        var lines = File.ReadAllLines(output);
        Assert.Equal(Enumerable.Range(1, 1000).Select(n => $"{{\"n\":\"{n}\",\"square\":{(long)n * n}}}"), lines);
    }
    // </batch-keeps-order>

    [Fact]
    public async Task Batch_mode_really_runs_chunks_in_parallel()
    {
        var input = _dir.Write("numbers.csv", Numbers(400));
        var running = 0;
        var maxRunning = 0;
        var builder = new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")) { Mode = ProcessingMode.Batch, ChunkSize = 100, ParallelChunks = 4 }
            .Transform(async (record, ct) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref maxRunning, now);
                await Task.Delay(2, ct);
                Interlocked.Decrement(ref running);
                return record;
            });

        var result = await builder.RunAsync();

        Assert.Equal(400L, result.Written);
        Assert.InRange(maxRunning, 2, 4);
    }

    [Theory]
    [InlineData(ProcessingMode.Stream)]
    [InlineData(ProcessingMode.Batch)]
    [InlineData(ProcessingMode.Whole)]
    public async Task Every_mode_gives_the_same_output_and_counts(ProcessingMode mode)
    {
        var input = _dir.Write("numbers.csv", Numbers(257) + "x,y\n");
        var output = _dir.File($"out-{mode}.csv");
        var builder = new FileProcessingConfigBuilder(input, output) { Mode = mode, ChunkSize = 10, ParallelChunks = 3 }
            .Validate(new ValidationSchema([new FieldRule("n") { Type = FieldType.Integer }]))
            .Filter(r => (long)r["n"]! % 3 != 0)
            .Transform(r =>
            {
                r["even"] = (long)r["n"]! % 2 == 0;
                return r;
            });

        var result = await builder.RunAsync();

        Assert.Equal((258L, 172L, 85L, 1L), (result.RecordsRead, result.Written, result.Filtered, result.Errors));
        var expected = new StringBuilder("n,even\n");
        foreach (var n in Enumerable.Range(1, 257).Where(n => n % 3 != 0))
        {
            expected.Append($"{n},{(n % 2 == 0 ? "true" : "false")}\n");
        }

        Assert.Equal(expected.ToString(), File.ReadAllText(output));
    }

    [Fact]
    public async Task Progress_reports_end_with_every_byte_and_record()
    {
        var input = _dir.Write("numbers.csv", Numbers(5000));
        var reports = new List<FileProcessingProgress>();
        var progress = new SynchronousProgress(reports.Add);

        var result = (await new FileProcessor(new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).Build()).ProcessAsync(progress)).AssertAccounted();

        var last = reports[^1];
        Assert.Equal((new FileInfo(input).Length, 5000L, 1.0), (last.BytesRead, last.RecordsRead, last.Fraction));
        Assert.Equal(result.BytesRead, last.BytesRead);
    }

    [Fact]
    public async Task Cancelling_a_run_throws_and_leaves_no_output_file()
    {
        var input = _dir.Write("numbers.csv", Numbers(10_000));
        var output = _dir.File("out.jsonl");
        using var cancel = new CancellationTokenSource();
        var builder = new FileProcessingConfigBuilder(input, output) { Mode = ProcessingMode.Batch, ChunkSize = 100 }
            .Transform((record, ct) =>
            {
                if ((string)record["n"]! == "5000")
                {
                    cancel.Cancel();
                }

                return ValueTask.FromResult(record);
            });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new FileProcessor(builder.Build()).ProcessAsync(cancel.Token));

        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.partial"));
    }

    private static string Numbers(int count)
    {
        var text = new StringBuilder("n\n");
        for (var n = 1; n <= count; n++)
        {
            text.Append(n).Append('\n');
        }

        return text.ToString();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class SynchronousProgress(Action<FileProcessingProgress> report) : IProgress<FileProcessingProgress>
    {
        public void Report(FileProcessingProgress value) => report(value);
    }

    public void Dispose() => _dir.Dispose();
}
