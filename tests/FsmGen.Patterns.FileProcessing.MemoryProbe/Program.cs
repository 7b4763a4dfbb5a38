// Measures that Stream mode runs in constant memory: generates a 1,000,000-row and a 5,000,000-row CSV, processes each
// (CSV -> JSON Lines, one filter, one transformation) in a separate process, and prints each process's peak working set.
//
//   dotnet run -c Release --project tests/FsmGen.Patterns.FileProcessing.MemoryProbe
//
// The larger file should cost at most 10% more memory than the smaller one.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using FsmGen.Patterns.FileProcessing;

if (args is ["process", var childInput, var childOutput])
{
    return await ProcessOneAsync(childInput, childOutput);
}

var directory = Path.Combine(Path.GetTempPath(), "fsmgen-memory-probe-" + Environment.ProcessId);
Directory.CreateDirectory(directory);
try
{
    var peaks = new List<(int Rows, long Peak, string Report)>();
    foreach (var rows in new[] { 1_000_000, 5_000_000 })
    {
        var input = Path.Combine(directory, $"rows-{rows}.csv");
        WriteCsv(input, rows);
        var (peak, report) = RunChild(input, Path.ChangeExtension(input, ".jsonl"));
        peaks.Add((rows, peak, report));
        Console.WriteLine($"{rows,9:N0} rows, {new FileInfo(input).Length / 1e6,6:F0} MB of CSV: peak working set {peak / 1e6,6:F1} MB  ({report})");
        File.Delete(input);
    }

    var growth = (double)peaks[1].Peak / peaks[0].Peak - 1;
    Console.WriteLine($"5M vs 1M rows: {growth:+0.0%;-0.0%} peak working set (target: at most +10%)");
    return growth <= 0.10 ? 0 : 1;
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static async Task<int> ProcessOneAsync(string input, string output)
{
    var config = new FileProcessingConfigBuilder(input, output) { Mode = ProcessingMode.Stream }
        .Filter(r => (string?)r["active"] == "true")
        .Transform(r =>
        {
            r["amount_cents"] = (long)(double.Parse((string)r["amount"]!, CultureInfo.InvariantCulture) * 100);
            return r;
        })
        .Build();
    var result = await new FileProcessor(config).ProcessAsync();
    using var self = Process.GetCurrentProcess();
    self.Refresh();
    Console.WriteLine($"{self.PeakWorkingSet64} read={result.RecordsRead} written={result.Written} filtered={result.Filtered} errors={result.Errors} in {result.Elapsed.TotalSeconds:F2} s");
    return result.RecordsRead == result.Written + result.Filtered + result.Errors ? 0 : 2;
}

static (long Peak, string Report) RunChild(string input, string output)
{
    var self = Environment.ProcessPath!;
    var start = Path.GetFileNameWithoutExtension(self) == "dotnet"
        ? new ProcessStartInfo(self, [typeof(Program).Assembly.Location, "process", input, output])
        : new ProcessStartInfo(self, ["process", input, output]);
    start.RedirectStandardOutput = true;
    using var child = Process.Start(start)!;
    var line = child.StandardOutput.ReadToEnd().Trim();
    child.WaitForExit();
    if (child.ExitCode != 0)
    {
        throw new InvalidOperationException($"The child process failed ({child.ExitCode}): {line}");
    }

    var space = line.IndexOf(' ');
    return (long.Parse(line[..space], CultureInfo.InvariantCulture), line[(space + 1)..]);
}

static void WriteCsv(string path, int rows)
{
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
    writer.Write("id,name,email,amount,active,created,category,note\n");
    var categories = new[] { "books", "games", "tools", "food" };
    var line = new StringBuilder(128);
    for (var i = 1; i <= rows; i++)
    {
        line.Clear()
            .Append(i).Append(",name").Append(i).Append(",user").Append(i).Append("@example.com,")
            .Append((i % 10_000 / 100.0).ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(i % 3 == 0 ? "false" : "true").Append(",2024-01-")
            .Append((i % 28 + 1).ToString("00", CultureInfo.InvariantCulture)).Append(',')
            .Append(categories[i % 4]).Append(",\"note, number ").Append(i).Append("\"\n");
        writer.Write(line);
    }
}
