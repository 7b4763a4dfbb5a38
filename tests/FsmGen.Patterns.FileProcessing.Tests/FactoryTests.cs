using System.Text.Json;

namespace FsmGen.Patterns.FileProcessing.Tests;

public sealed class FactoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task The_log_analyzer_turns_named_groups_into_fields_and_counts_unmatched_lines_as_errors()
    {
        var log = _dir.Write("app.log",
            "2024-05-01 10:00:00 INFO  [web] started\n" +
            "2024-05-01 10:00:05 ERROR [db] connection refused\n" +
            "   at Db.Connect()\n" +
            "\n" +
            "2024-05-01 10:00:09 WARN  [web] slow request\n");
        var output = _dir.File("analysis.jsonl");
        var processor = FileProcessors.CreateLogAnalyzer(log, output,
        [
            @"^(?<timestamp>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) (?<level>[A-Z]+)\s+\[(?<module>\w+)\] (?<message>.*)$",
        ]);

        var result = (await processor.ProcessAsync()).AssertAccounted();

        Assert.Equal((4L, 3L, 1L, 5L), (result.RecordsRead, result.Written, result.Errors, result.LinesRead));
        var error = Assert.Single(result.ErrorDetails);
        Assert.Equal((3L, ProcessingStage.Parse, "the line matches none of the log patterns"), (error.LineNumber, error.Stage, error.Reason));
        var records = OutputReader.ReadJsonLines(output);
        Assert.Equal(["INFO", "ERROR", "WARN"], records.Select(r => r.GetProperty("level").GetString()));
        Assert.Equal("connection refused", records[1].GetProperty("message").GetString());
        Assert.Equal("db", records[1].GetProperty("module").GetString());
    }

    [Fact]
    public async Task The_log_analyzer_merges_the_groups_of_several_patterns_and_filters_like_any_processor()
    {
        var log = _dir.Write("app.log", "user=ann action=login took=12ms\nuser=bob action=logout\nuser=cid action=login took=300ms\n");
        var output = _dir.File("logins.csv");
        var processor = FileProcessors.CreateLogAnalyzer(log, output,
            [@"user=(?<user>\w+)", @"action=(?<action>\w+)", @"took=(?<ms>\d+)ms"],
            builder => builder.Filter(r => (string?)r["action"] == "login"));

        var result = (await processor.ProcessAsync()).AssertAccounted();

        Assert.Equal((3L, 2L, 1L), (result.RecordsRead, result.Written, result.Filtered));
        Assert.Equal("user,action,ms\nann,login,12\ncid,login,300\n", File.ReadAllText(output));
    }

    [Fact]
    public async Task The_csv_processor_applies_transformations_and_filters_as_the_seed_shows()
    {
        var input = _dir.Write("data.csv", "id,active,value\n1,true,10\n2,false,20\n3,true,30\n");
        var output = _dir.File("output.json");
        var processor = FileProcessors.CreateCsvProcessor(input, output,
            transformations: [r => { r["status"] = "processed"; return r; }],
            filters: [r => (string?)r["active"] == "true"]);

        var result = (await processor.ProcessAsync()).AssertAccounted();

        Assert.Equal((FileFormat.Csv, FileFormat.Json, 2L, 1L), (result.InputFormat, result.OutputFormat, result.Written, result.Filtered));
        var array = JsonDocument.Parse(File.ReadAllText(output)).RootElement;
        Assert.Equal(["1", "3"], array.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.All(array.EnumerateArray(), r => Assert.Equal("processed", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task The_json_processor_validates_json_lines_in_batches()
    {
        var input = _dir.Write("data.jsonl", "{\"id\":1,\"name\":\"ann\",\"email\":\"ann@x.org\"}\n{\"id\":\"two\",\"name\":\"bob\"}\n{\"name\":\"cid\"}\n");
        var output = _dir.File("validated.jsonl");
        var schema = new ValidationSchema(
        [
            new FieldRule("id") { Required = true, Type = FieldType.Integer },
            new FieldRule("name") { Required = true, Type = FieldType.String },
            new FieldRule("email") { Pattern = @"^[\w.-]+@[\w.-]+\.\w+$" },
        ]);
        var processor = FileProcessors.CreateJsonProcessor(input, output, schema, chunkSize: 2);

        var result = (await processor.ProcessAsync()).AssertAccounted();

        Assert.Equal((ProcessingMode.Batch, 1L, 2L), (processor.Config.Mode, result.Written, result.Errors));
        Assert.Equal(["field 'id': is not an integer", "field 'id': is required"], result.ErrorDetails.Select(e => e.Reason));
    }

    [Fact]
    public async Task The_batch_file_processor_handles_every_file_matching_a_glob_with_per_file_results_and_totals()
    {
        _dir.Write("in/jan.csv", "id\n1\n2\n");
        _dir.Write("in/feb.csv", "id\n3\nbad,row\n");
        _dir.Write("in/empty.csv", "");
        _dir.Write("in/notes.txt", "not a csv\n");
        _dir.Write("in/sub/mar.csv", "id\n9\n");
        var batch = FileProcessors.CreateBatchFileProcessor(_dir.File("in"), "*.csv", _dir.File("out"), FileFormat.JsonLines,
            deadLetterDirectory: _dir.File("dead"));

        var result = (await batch.ProcessAsync()).AssertAccounted();

        Assert.Equal(["empty.csv", "feb.csv", "jan.csv"], result.Files.Select(f => Path.GetFileName(f.InputPath)));
        Assert.Equal((3, 0), (result.FilesProcessed, result.FilesFailed));
        Assert.Equal((5L, 3L, 2L), (result.RecordsRead, result.Written, result.Errors));
        Assert.Equal([1L, 2L, 2L], result.Files.Select(f => f.Result!.RecordsRead));
        Assert.Equal(["{\"id\":\"1\"}", "{\"id\":\"2\"}"], File.ReadAllLines(_dir.File("out/jan.jsonl")));
        Assert.Single(File.ReadAllLines(_dir.File("dead/feb.csv.deadletter.jsonl")));
        Assert.False(File.Exists(_dir.File("out/sub/mar.jsonl")));
    }

    [Fact]
    public async Task The_batch_file_processor_can_search_subdirectories_and_keeps_their_structure()
    {
        _dir.Write("in/a.csv", "id\n1\n");
        _dir.Write("in/sub/b.csv", "id\n2\n");
        var batch = FileProcessors.CreateBatchFileProcessor(_dir.File("in"), "*.csv", _dir.File("out"), FileFormat.Xml, recursive: true);

        var result = (await batch.ProcessAsync()).AssertAccounted();

        Assert.Equal((2, 2L), (result.FilesProcessed, result.Written));
        Assert.True(File.Exists(_dir.File("out/sub/b.xml")));
    }

    [Fact]
    public void The_batch_file_processor_names_a_missing_directory()
    {
        var batch = FileProcessors.CreateBatchFileProcessor(_dir.File("absent"), "*.csv", _dir.File("out"), FileFormat.Csv);

        var error = Assert.Throws<DirectoryNotFoundException>(() => batch.FindFiles());

        Assert.Contains(_dir.File("absent"), error.Message);
    }

    public void Dispose() => _dir.Dispose();
}
