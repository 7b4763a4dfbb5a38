using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl.Tests;

/// <summary>JSON, JSON Lines and CSV files as sources, read by the file processing pattern's readers, into SQLite.</summary>
public sealed class FileSourceTests : IDisposable
{
    private const string People = "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER, joined TEXT)";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_csv_file_loads_with_text_converted_to_the_column_types_and_a_malformed_row_reported_with_its_record_number()
    {
        var csv = _dir.File("people.csv");
        await File.WriteAllTextAsync(csv, "id,name,age,joined\n1,Ada,36,2024-01-05\n2,Grace,,2024-02-01\n3,Alan\n4,Edsger,72,2024-03-01\n");
        var target = Sqlite.Create(_dir, "people.db", People);

        var config = new EtlConfigBuilder(EtlSource.FromFile(csv), "sqlite:" + target, "people") { Mode = EtlMode.Upsert, ErrorThreshold = 1 };
        config.KeyColumns.Add("id");
        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(4, result.Extracted);
        Assert.Equal(3, result.Loaded);
        var malformed = Assert.Single(result.ErrorDetails);
        Assert.Equal(3, malformed.Position);
        Assert.Contains("line 4", malformed.Reason);
        Assert.Equal(36, Sqlite.Scalar<long>(target, "SELECT age FROM people WHERE id = 1"));
        Assert.Equal("integer", Sqlite.Scalar<string>(target, "SELECT typeof(age) FROM people WHERE id = 1"));
        Assert.Equal("null", Sqlite.Scalar<string>(target, "SELECT typeof(age) FROM people WHERE id = 2"));
        Assert.All(result.ErrorDetails, e => Assert.Equal(EtlStage.Extract, e.Stage));
        Assert.Equal(result.Extracted, Sqlite.Scalar<long>(target, "SELECT count(*) FROM people") + result.Errors);
    }

    [Fact]
    public async Task A_json_lines_file_with_a_broken_line_loads_the_rest_and_locates_the_broken_one()
    {
        var jsonl = _dir.File("people.jsonl");
        await File.WriteAllLinesAsync(jsonl,
        [
            """{"id": 1, "name": "Ada", "age": 36}""",
            """{"id": 2, "name": "Grace", "age": 45}""",
            """{"id": 3, "name": "Alan", "age": """,
            """{"id": 4, "name": "Edsger", "age": 72}""",
            """{"id": 5, "name": "Barbara", "age": "eighty"}""",
        ]);
        var target = Sqlite.Create(_dir, "people.db", People);

        var config = new EtlConfigBuilder(EtlSource.FromFile(jsonl), "sqlite:" + target, "people") { Mode = EtlMode.Append, ErrorThreshold = 1 };
        config.KeyColumns.Add("id");
        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(5, result.Extracted);
        Assert.Equal(3, result.Loaded);
        Assert.Equal(2, result.Errors);
        var bad = result.ErrorDetails.OrderBy(e => e.Position).ToArray();
        Assert.Equal((3L, EtlStage.Extract), (bad[0].Position, bad[0].Stage));
        Assert.Contains("line 3", bad[0].Reason);
        Assert.Equal((5L, EtlStage.Load, "age"), (bad[1].Position, bad[1].Stage, bad[1].Field));
        Assert.Equal([1L, 2, 4], Sqlite.Query<long>(target, "SELECT id FROM people ORDER BY id"));
    }

    [Fact]
    public async Task A_json_array_file_loads_with_field_mappings_and_validation()
    {
        var json = _dir.File("export.json");
        await File.WriteAllTextAsync(json, """
            [
              {"person_id": 1, "full_name": "Ada", "years": 36},
              {"person_id": 2, "full_name": "", "years": 45},
              {"person_id": 3, "full_name": "Alan", "years": 41}
            ]
            """);
        var target = Sqlite.Create(_dir, "people.db", People);
        var etl = EtlPipelines.CreateDataMigration(
            EtlSource.FromFile(json),
            "sqlite:" + target,
            "people",
            new Dictionary<string, string> { ["person_id"] = "id", ["full_name"] = "name", ["years"] = "age" },
            keyColumns: ["id"],
            configure: b => b.Validate(new ValidationSchema([new FieldRule("name") { Required = true }])));

        var result = (await etl.RunAsync()).AddsUp();

        Assert.Equal(EtlMode.Upsert, etl.Config.Mode);
        Assert.Equal(10_000, etl.Config.BatchSize);
        Assert.Equal(2, result.Loaded);
        var rejected = Assert.Single(result.RejectionDetails);
        Assert.Equal((2L, "id=2", "name"), (rejected.Position, rejected.Key, rejected.Field));
        Assert.Equal("Alan", Sqlite.Scalar<string>(target, "SELECT name FROM people WHERE id = 3"));
    }

    [Fact]
    public async Task A_file_run_resumes_after_the_records_committed_before_it_stopped()
    {
        var jsonl = _dir.File("people.jsonl");
        await File.WriteAllLinesAsync(jsonl, Enumerable.Range(1, 50).Select(i => $$"""{"id": {{i}}, "name": "p{{i}}", "age": {{i}}}"""));
        var target = Sqlite.Create(_dir, "people.db", People);
        var failAfter = 30;
        var config = new EtlConfigBuilder(EtlSource.FromFile(jsonl), "sqlite:" + target, "people") { Mode = EtlMode.Append, BatchSize = 10, ErrorThreshold = 0 };
        config.KeyColumns.Add("id");
        config.Transform(r => (long)r["id"]! > failAfter ? throw new InvalidOperationException("stop here") : r);
        var etl = new DatabaseEtl(config.Build());

        var stopped = await Assert.ThrowsAsync<EtlErrorThresholdException>(() => etl.RunAsync("file-load"));
        Assert.Equal(30, stopped.Result.AddsUp().Loaded);

        failAfter = int.MaxValue;
        var resumed = (await etl.RunAsync("file-load")).AddsUp();
        Assert.True(resumed.Resumed);
        Assert.Equal(20, resumed.Extracted);
        Assert.Equal(50, Sqlite.Scalar<long>(target, "SELECT count(DISTINCT id) FROM people"));
        Assert.Equal(50, Sqlite.Scalar<long>(target, "SELECT count(*) FROM people"));
    }

    [Fact]
    public void An_unknown_or_unsupported_file_format_is_refused()
    {
        Assert.Contains("cannot be detected", Assert.Throws<ArgumentException>(() => EtlSource.FromFile("data.bin")).Message);
        Assert.Contains("is not an ETL source format", Assert.Throws<ArgumentException>(() => EtlSource.FromFile("data.parquet")).Message);
    }
}
