using CsvHelper;

namespace FsmGen.Patterns.FileProcessing.Tests;

public sealed class CsvOutputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Formula_injection_is_escaped_by_default_when_writing_csv()
    {
        var input = _dir.Write("in.jsonl", "{\"name\":\"=HYPERLINK(\\\"http://evil\\\")\",\"note\":\"@SUM(A1)\",\"delta\":-5,\"text\":\"-5\"}\n");
        var output = _dir.File("out.csv");

        var result = await new FileProcessingConfigBuilder(input, output).RunAsync();

        Assert.Equal(1L, result.Written);
        var row = Assert.Single(await OutputReader.ReadAsync(output, FileFormat.Csv));
        Assert.Equal("'=HYPERLINK(\"http://evil\")", row["name"]);
        Assert.Equal("'@SUM(A1)", row["note"]);
        Assert.Equal("-5", row["delta"]); // a number is not a formula
        Assert.Equal("'-5", row["text"]); // text that starts with '-' is escaped, as OWASP recommends
    }

    [Fact]
    public async Task Formula_escaping_can_be_turned_off()
    {
        var input = _dir.Write("in.jsonl", "{\"name\":\"=1+1\"}\n");
        var output = _dir.File("out.csv");

        var result = await new FileProcessingConfigBuilder(input, output) { CsvInjection = CsvInjection.None }.RunAsync();

        Assert.Equal(1L, result.Written);
        Assert.Equal("=1+1", Assert.Single(await OutputReader.ReadAsync(output, FileFormat.Csv))["name"]);
    }

    [Fact]
    public async Task A_record_with_a_field_outside_the_csv_header_is_a_write_error_not_a_dropped_field()
    {
        var input = _dir.Write("in.jsonl", "{\"a\":1}\n{\"a\":2,\"b\":3}\n{\"a\":3}\n");
        var output = _dir.File("out.csv");

        var result = await new FileProcessingConfigBuilder(input, output).RunAsync();

        Assert.Equal((2L, 1L), (result.Written, result.Errors));
        var error = Assert.Single(result.ErrorDetails);
        Assert.Equal((ProcessingStage.Write, "b", 2L), (error.Stage, error.Field, error.LineNumber));
        Assert.Equal("a\n1\n3\n", File.ReadAllText(output));
    }

    [Fact]
    public async Task Nested_json_values_become_json_text_in_csv()
    {
        var input = _dir.Write("in.jsonl", "{\"id\":1,\"tags\":[\"a\",\"b\"],\"owner\":{\"name\":\"x\"}}\n");
        var output = _dir.File("out.csv");

        await new FileProcessingConfigBuilder(input, output).RunAsync();

        var row = Assert.Single(await OutputReader.ReadAsync(output, FileFormat.Csv));
        Assert.Equal(("[\"a\",\"b\"]", "{\"name\":\"x\"}"), (row["tags"], row["owner"]));
    }

    public void Dispose() => _dir.Dispose();
}
