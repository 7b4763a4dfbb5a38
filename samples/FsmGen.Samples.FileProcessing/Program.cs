// A tour of FsmGen's file processing pattern on the small files in data/ (copied next to the program).
// Run: dotnet run --project samples/FsmGen.Samples.FileProcessing
using System.Globalization;
using FsmGen.Patterns.FileProcessing;
using FsmGen.Samples.FileProcessing;

var data = Path.Combine(AppContext.BaseDirectory, "data");
var work = Path.Combine(Path.GetTempPath(), "fsmgen-file-processing-sample");
if (Directory.Exists(work))
{
    Directory.Delete(work, recursive: true);
}

var allAccounted = true;

// 1. CSV -> JSON Lines: validate, filter, transform; bad rows go to a dead-letter file.
{
    #region csv-to-jsonl
    var schema = new ValidationSchema(
    [
        new FieldRule("order_id") { Required = true, Type = FieldType.Integer },
        new FieldRule("email") { Required = true, Pattern = @"^[^@\s]+@[^@\s]+\.[a-z]+$" },
        new FieldRule("amount") { Required = true, Type = FieldType.Number, Min = 0 },
    ]);

    var config = new FileProcessingConfigBuilder(Path.Combine(data, "orders.csv"), Path.Combine(work, "paid-orders.jsonl"))
    {
        DeadLetterPath = Path.Combine(work, "orders.deadletter.jsonl"),
    }
        .Validate(schema)
        .Filter(order => (string?)order["status"] == "paid")
        .Transform(order =>
        {
            order["amount_cents"] = (long)Math.Round((double)order["amount"]! * 100);
            return order;
        })
        .Build();

    var result = await new FileProcessor(config).ProcessAsync();

    Console.WriteLine(result); // read 8, written 4, filtered 1, errors 3
    foreach (var error in result.ErrorDetails)
    {
        Console.WriteLine($"  {error}"); // file:line (record n) Stage: reason
    }
    #endregion

    allAccounted &= Report(result);
}

// 2. A log file -> CSV: regex named groups become fields; lines that match no pattern are counted as errors.
{
    #region log-analyzer
    var analyzer = FileProcessors.CreateLogAnalyzer(
        Path.Combine(data, "app.log"),
        Path.Combine(work, "app-log.csv"),
        [@"^(?<time>\S+ \S+) (?<level>[A-Z]+)\s+\[(?<module>\w+)\] (?<message>.*)$"]);

    var result = await analyzer.ProcessAsync();
    #endregion

    allAccounted &= Report(result);
    Console.Write(File.ReadAllText(Path.Combine(work, "app-log.csv")));
}

// 3. Many files: every monthly CSV -> Parquet, with per-file results and totals.
{
    #region batch-files
    var batch = FileProcessors.CreateBatchFileProcessor(
        Path.Combine(data, "monthly"),
        "*.csv",
        Path.Combine(work, "monthly"),
        FileFormat.Parquet,
        configure: file => file.Validate(new ValidationSchema([new FieldRule("visits") { Type = FieldType.Integer }])));

    var totals = await batch.ProcessAsync();

    foreach (var file in totals.Files)
    {
        Console.WriteLine($"{Path.GetFileName(file.InputPath)}: {file.Result}");
    }

    Console.WriteLine($"total: read {totals.RecordsRead}, written {totals.Written}, errors {totals.Errors}");
    #endregion

    allAccounted &= totals.RecordsRead == totals.Written + totals.Filtered + totals.Errors;
    foreach (var file in totals.Files)
    {
        allAccounted &= file.Result is not null && Report(file.Result);
    }
}

// 4. The Parquet files back to one JSON array, in Batch mode with parallel chunks (the output keeps the input order).
{
    var result = await new FileProcessor(new FileProcessingConfigBuilder(Path.Combine(work, "monthly", "2024-01.parquet"), Path.Combine(work, "2024-01.json"))
    {
        Mode = ProcessingMode.Batch,
        ChunkSize = 1,
        ParallelChunks = 2,
    }.Build()).ProcessAsync();
    allAccounted &= Report(result);
    Console.Write(File.ReadAllText(Path.Combine(work, "2024-01.json")));
}

// 5. The same orders as typed records: [Pattern("FileProcessing")] on PaidOrders (TypedOrders.cs) generates the CSV
//    reader, the per-record machine and the JSON writer for Order at compile time.
{
    #region typed-run
    var pipeline = new PaidOrders();
    var config = new FileProcessingConfigBuilder(Path.Combine(data, "orders.csv"), Path.Combine(work, "paid-orders.typed.jsonl"))
    {
        DeadLetterPath = Path.Combine(work, "orders.typed.deadletter.jsonl"),
    }.Build();

    var result = await pipeline.ProcessAsync(config);

    Console.WriteLine(result); // read 8, written 4, filtered 1, errors 3
    foreach (var error in result.ErrorDetails)
    {
        Console.WriteLine($"  {error}");
    }

    Console.WriteLine($"revenue: {pipeline.Revenue}");
    #endregion

    allAccounted &= Report(result);
    Console.Write(File.ReadAllText(Path.Combine(work, "paid-orders.typed.jsonl")));
    Console.Write(PaidOrders.Mermaid);
}

Console.WriteLine(allAccounted ? $"Every record accounted for. Files are in {work}" : "A count did not add up.");
return allAccounted ? 0 : 1;

static bool Report(FileProcessingResult result)
{
    var accounted = result.RecordsRead == result.Written + result.Filtered + result.Errors;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Path.GetFileName(result.InputPath)} -> {Path.GetFileName(result.OutputPath)}] read {result.RecordsRead} = written {result.Written} + filtered {result.Filtered} + errors {result.Errors}: {(accounted ? "ok" : "MISMATCH")}"));
    return accounted;
}
