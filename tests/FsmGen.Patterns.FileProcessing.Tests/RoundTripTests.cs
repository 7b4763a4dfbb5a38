using System.Text.Json;

namespace FsmGen.Patterns.FileProcessing.Tests;

public sealed class RoundTripTests : IDisposable
{
    private const string FixtureCsv =
        "id,name,amount,note\n" +
        "1,\"Zoë, \"\"the\"\" boss\",12.50,\n" +
        "2,Bob,7,plain\n" +
        "3,Ünïcode ✓,0.1,\"multi\nline\"\n";

    private static readonly List<Dictionary<string, string?>> Expected =
    [
        new() { ["id"] = "1", ["name"] = "Zoë, \"the\" boss", ["amount"] = "12.50", ["note"] = "" },
        new() { ["id"] = "2", ["name"] = "Bob", ["amount"] = "7", ["note"] = "plain" },
        new() { ["id"] = "3", ["name"] = "Ünïcode ✓", ["amount"] = "0.1", ["note"] = "multi\nline" },
    ];

    private static readonly FileFormat[] Tabular = [FileFormat.Csv, FileFormat.Tsv, FileFormat.JsonLines, FileFormat.Json, FileFormat.Xml, FileFormat.Parquet];

    private readonly TempDirectory _dir = new();

    public static TheoryData<FileFormat, FileFormat> Pairs()
    {
        var pairs = new TheoryData<FileFormat, FileFormat>();
        foreach (var from in Tabular)
        {
            foreach (var to in Tabular)
            {
                pairs.Add(from, to);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Every_format_pair_keeps_every_field_value_and_the_record_order(FileFormat from, FileFormat to)
    {
        var csv = _dir.Write("fixture.csv", FixtureCsv);
        var input = from == FileFormat.Csv ? csv : _dir.File("input" + FileFormatDetector.ExtensionOf(from));
        if (from != FileFormat.Csv)
        {
            var prepared = await new FileProcessingConfigBuilder(csv, input).RunAsync();
            Assert.Equal(3, prepared.Written);
        }

        var output = _dir.File("output" + FileFormatDetector.ExtensionOf(to));
        var result = await new FileProcessingConfigBuilder(input, output).RunAsync();

        Assert.Equal((from, to, 3L, 3L, 0L), (result.InputFormat, result.OutputFormat, result.RecordsRead, result.Written, result.Errors));
        Assert.Equal(Expected, await OutputReader.ReadAsync(output, to));
    }

    [Fact]
    public async Task Json_numbers_booleans_and_nulls_keep_their_types_through_parquet()
    {
        var input = _dir.Write("typed.jsonl",
            """
            {"id":1,"price":12.5,"active":true,"comment":null}
            {"id":2,"price":3,"active":false,"comment":"ok"}
            """);
        var parquet = _dir.File("typed.parquet");
        var back = _dir.File("back.jsonl");

        (await new FileProcessingConfigBuilder(input, parquet).RunAsync()).AssertAccounted();
        var result = await new FileProcessingConfigBuilder(parquet, back).RunAsync();

        Assert.Equal(2, result.Written);
        var rows = OutputReader.ReadJsonLines(back);
        Assert.Equal(JsonValueKind.Number, rows[0].GetProperty("id").ValueKind);
        Assert.Equal(1, rows[0].GetProperty("id").GetInt64());
        Assert.Equal(12.5m, rows[0].GetProperty("price").GetDecimal());
        Assert.Equal(3m, rows[1].GetProperty("price").GetDecimal());
        Assert.Equal(JsonValueKind.True, rows[0].GetProperty("active").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("comment").ValueKind);
        Assert.Equal("ok", rows[1].GetProperty("comment").GetString());
    }

    [Fact]
    public async Task Validation_types_turn_csv_text_into_json_numbers_and_booleans()
    {
        var input = _dir.Write("people.csv", "id,age,member,joined\n1,42,true,2024-01-02\n2,,0,2023-12-31\n");
        var output = _dir.File("people.jsonl");
        var schema = new ValidationSchema(
        [
            new FieldRule("id") { Required = true, Type = FieldType.Integer },
            new FieldRule("age") { Type = FieldType.Integer, Min = 0, Max = 150 },
            new FieldRule("member") { Type = FieldType.Boolean },
        ]);

        var result = await new FileProcessingConfigBuilder(input, output).Validate(schema).RunAsync();

        Assert.Equal(2, result.Written);
        var rows = OutputReader.ReadJsonLines(output);
        Assert.Equal(42, rows[0].GetProperty("age").GetInt64());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("age").ValueKind);
        Assert.True(rows[0].GetProperty("member").GetBoolean());
        Assert.False(rows[1].GetProperty("member").GetBoolean());
        Assert.Equal("2024-01-02", rows[0].GetProperty("joined").GetString());
    }

    [Fact]
    public async Task Text_lines_round_trip_through_json_lines()
    {
        var input = _dir.Write("notes.txt", "first line\n\nthird line, after a blank one\n");
        var json = _dir.File("notes.jsonl");
        var back = _dir.File("back.txt");

        var toJson = await new FileProcessingConfigBuilder(input, json).RunAsync();
        var toText = await new FileProcessingConfigBuilder(json, back).RunAsync();

        Assert.Equal(3, toJson.Written);
        Assert.Equal(3, toText.Written);
        Assert.Equal("first line\n\nthird line, after a blank one\n", File.ReadAllText(back));
    }

    public void Dispose() => _dir.Dispose();
}
