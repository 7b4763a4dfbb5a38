using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Benchmarks;

/// <summary>
/// CSV -> JSON Lines of 1,000,000 rows (8 columns), keeping rows with active == true and adding one computed field:
/// the dictionary route through <see cref="FileProcessor"/> and the typed [Pattern("FileProcessing")] route
/// (<see cref="ActiveRows"/>) against a hand-written CsvHelper + Utf8JsonWriter loop.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class FileProcessingBenchmarks
{
    private const int Rows = 1_000_000;
    private string _directory = null!;
    private string _input = null!;
    private string _output = null!;

    [GlobalSetup]
    public void CreateInput()
    {
        _directory = Path.Combine(Path.GetTempPath(), "fsmgen-fp-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_directory);
        _input = Path.Combine(_directory, "rows.csv");
        _output = Path.Combine(_directory, "rows.jsonl");
        using var writer = new StreamWriter(_input, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("id,name,email,amount,active,created,category,note\n");
        var categories = new[] { "books", "games", "tools", "food" };
        for (var i = 1; i <= Rows; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{i},name{i},user{i}@example.com,{i % 10_000 / 100.0},{(i % 3 == 0 ? "false" : "true")},2024-01-{i % 28 + 1:00},{categories[i % 4]},\"note, number {i}\"\n"));
        }

        writer.Close();
        CheckSameOutput();
    }

    /// <summary>The baseline is only a fair limit if it does the same job: its output must be the typed route's, byte for byte.</summary>
    private void CheckSameOutput()
    {
        var expected = Path.Combine(_directory, "hand-written.jsonl");
        var handWritten = HandWritten.WriteTypedJson(_input, expected);
        var typed = TypedPatternRoute().GetAwaiter().GetResult();
        var difference = FileComparison.FirstDifference(expected, _output);
        if (handWritten != typed || difference >= 0)
        {
            throw new InvalidOperationException(
                $"The hand-written baseline ({handWritten} rows) and the typed route ({typed} rows) write different files (first difference at byte {difference}).");
        }

        File.Delete(expected);
    }

    [GlobalCleanup]
    public void DeleteFiles() => Directory.Delete(_directory, recursive: true);

    /// <summary>
    /// Hand-written, the baseline: the typed route's job written by hand. Fields by index, parsed from UTF-8 spans into
    /// long, decimal, bool and DateOnly (no strings, no records), written with Utf8JsonWriter into a 64 KiB buffer:
    /// the same bytes as <see cref="TypedPatternRoute"/> (GlobalSetup checks it).
    /// </summary>
    [Benchmark(Baseline = true)]
    public long HandWrittenCsvHelperLoop() => HandWritten.WriteTypedJson(_input, _output);

    /// <summary>Hand-written, less work than the others: every field copied as a JSON string from its UTF-8 span, nothing parsed but the filter.</summary>
    [Benchmark]
    public long HandWrittenRawCopy() => HandWritten.CopyAsJsonStrings(_input, _output);

    /// <summary>The dictionary route: config + lambdas, every record through the generated per-record machine.</summary>
    [Benchmark]
    public async Task<long> FileProcessorDictionaryRoute()
    {
        var config = new FileProcessingConfigBuilder(_input, _output)
            .Filter(r => (string?)r["active"] == "true")
            .Transform(r =>
            {
                r["amount_cents"] = (long)(double.Parse((string)r["amount"]!, CultureInfo.InvariantCulture) * 100);
                return r;
            })
            .Build();
        var result = await new FileProcessor(config).ProcessAsync();
        return result.Written;
    }

    /// <summary>The typed route: the generated CSV reader, machine and JSON writer of <see cref="ActiveRows"/>, one record at a time.</summary>
    [Benchmark]
    public async Task<long> TypedPatternRoute()
    {
        var result = await new ActiveRows().ProcessAsync(new FileProcessingConfigBuilder(_input, _output).Build());
        return result.Written;
    }

    /// <summary>The typed route in batch mode (chunks of 1000, 4 in flight): reading, the machines and writing overlap on the cores.</summary>
    [Benchmark]
    public async Task<long> TypedPatternRouteBatch()
    {
        var result = await new ActiveRows().ProcessAsync(new FileProcessingConfigBuilder(_input, _output) { Mode = ProcessingMode.Batch }.Build());
        return result.Written;
    }
}

/// <summary>A row of the benchmark's CSV, typed (money as decimal); JSON names as the hand-written loop writes them.</summary>
public sealed record BenchmarkRow(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("active")] bool Active,
    [property: JsonPropertyName("created")] DateOnly Created,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("note")] string Note,
    [property: JsonPropertyName("amount_cents")] long AmountCents = 0);

/// <summary>The benchmark's filter and computed field as a typed file processing pattern.</summary>
[Pattern("FileProcessing")]
public partial class ActiveRows
{
    [Filter]
    private static bool IsActive(BenchmarkRow row) => row.Active;

    [Transform]
    private static BenchmarkRow AddCents(BenchmarkRow row) => row with { AmountCents = (long)(row.Amount * 100) };
}
