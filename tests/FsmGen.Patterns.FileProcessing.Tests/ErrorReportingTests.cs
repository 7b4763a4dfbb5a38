using System.Text.Json;

namespace FsmGen.Patterns.FileProcessing.Tests;

public sealed class ErrorReportingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task The_dead_letter_file_holds_every_failed_record_with_file_line_reason_and_raw_input()
    {
        var input = _dir.Write("people.csv", "name,email\nann,ann@example.com\nbob,not-an-email\n\"cid,x\nzed,zed@example.com\n");
        var deadLetter = _dir.File("errors/people.deadletter.jsonl");
        var builder = new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")) { DeadLetterPath = deadLetter }
            .Validate(new ValidationSchema([new FieldRule("email") { Required = true, Pattern = "^[^@]+@[^@]+$" }]));

        var result = await builder.RunAsync();

        Assert.Equal((1L, 2L), (result.Written, result.Errors));
        var letters = OutputReader.ReadJsonLines(deadLetter);
        Assert.Equal(2, letters.Count);
        Assert.Equal(input, letters[0].GetProperty("file").GetString());
        Assert.Equal(3, letters[0].GetProperty("line").GetInt64());
        Assert.Equal(2, letters[0].GetProperty("record").GetInt64());
        Assert.Equal("Validate", letters[0].GetProperty("stage").GetString());
        Assert.Equal("email", letters[0].GetProperty("field").GetString());
        Assert.Equal("field 'email': does not match the pattern", letters[0].GetProperty("reason").GetString());
        Assert.Equal("bob,not-an-email", letters[0].GetProperty("raw").GetString());
        Assert.Equal(4, letters[1].GetProperty("line").GetInt64());
        Assert.Equal("Read", letters[1].GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, letters[1].GetProperty("field").ValueKind);
        Assert.StartsWith("\"cid,x", letters[1].GetProperty("raw").GetString());
    }

    [Fact]
    public async Task A_run_without_errors_leaves_an_empty_dead_letter_file_replacing_an_old_one()
    {
        var input = _dir.Write("ok.csv", "a\n1\n");
        var deadLetter = _dir.Write("dead.jsonl", "{\"old\":true}\n");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")) { DeadLetterPath = deadLetter }.RunAsync();

        Assert.Equal(0L, result.Errors);
        Assert.Equal(string.Empty, File.ReadAllText(deadLetter));
    }

    [Fact]
    public async Task Parquet_records_go_to_the_dead_letter_file_as_data_since_they_have_no_raw_text()
    {
        var parquet = _dir.File("in.parquet");
        (await new FileProcessingConfigBuilder(_dir.Write("in.jsonl", "{\"id\":1}\n{\"id\":-2}\n"), parquet).RunAsync()).AssertAccounted();
        var deadLetter = _dir.File("dead.jsonl");

        var result = await new FileProcessingConfigBuilder(parquet, _dir.File("out.jsonl")) { DeadLetterPath = deadLetter }
            .Validate(new ValidationSchema([new FieldRule("id") { Min = 0 }]))
            .RunAsync();

        Assert.Equal((1L, 1L), (result.Written, result.Errors));
        var letter = Assert.Single(OutputReader.ReadJsonLines(deadLetter));
        Assert.Equal((0L, 2L), (letter.GetProperty("line").GetInt64(), letter.GetProperty("record").GetInt64()));
        Assert.Equal(-2, letter.GetProperty("data").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Error_messages_leave_field_values_out_by_default()
    {
        var input = _dir.Write("secrets.csv", "ssn,age\n123-45-6789,forty\n");
        var schema = new ValidationSchema([new FieldRule("ssn") { Pattern = "^\\d{9}$" }, new FieldRule("age") { Type = FieldType.Integer }]);

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).Validate(schema).RunAsync();

        var error = Assert.Single(result.ErrorDetails);
        Assert.Equal("ssn", error.Field);
        Assert.Equal("field 'ssn': does not match the pattern; field 'age': is not an integer", error.Reason);
        Assert.DoesNotContain("123-45-6789", error.ToString());
        Assert.DoesNotContain("forty", error.ToString());
    }

    [Fact]
    public async Task Error_messages_show_values_when_asked()
    {
        var input = _dir.Write("values.csv", "age\nforty\n");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")) { IncludeValuesInErrors = true }
            .Validate(new ValidationSchema([new FieldRule("age") { Type = FieldType.Integer }]))
            .RunAsync();

        Assert.Equal("field 'age': 'forty' is not an integer", Assert.Single(result.ErrorDetails).Reason);
    }

    [Fact]
    public async Task Json_syntax_errors_do_not_quote_the_input_by_default()
    {
        var input = _dir.Write("bad.jsonl", "{\"password\": hunter2}\n");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).RunAsync();

        var error = Assert.Single(result.ErrorDetails);
        Assert.Equal("invalid JSON at byte 13 of the record", error.Reason);
    }

    [Fact]
    public async Task Only_the_first_errors_are_kept_in_detail_but_all_are_counted()
    {
        var input = _dir.Write("bad.jsonl", string.Concat(Enumerable.Repeat("nope\n", 30)));

        var result = (await new FileProcessor(new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")) { MaxErrorDetails = 10 }.Build()).ProcessAsync());

        Assert.Equal((30L, 30L, 10, true), (result.RecordsRead, result.Errors, result.ErrorDetails.Count, result.ErrorDetailsTruncated));
        Assert.Equal(result.RecordsRead, result.Written + result.Filtered + result.Errors);
    }

    public void Dispose() => _dir.Dispose();
}
