using System.Text;

namespace FsmGen.Patterns.FileProcessing.Tests;

public sealed class MalformedInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task An_unterminated_quote_is_a_located_read_error_and_the_rows_before_it_are_written()
    {
        var input = _dir.Write("orders.csv", "id,name\n1,ok\n2,\"never closed\n3,swallowed\n");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).RunAsync();

        Assert.Equal((2L, 1L, 1L, 4L), (result.RecordsRead, result.Written, result.Errors, result.LinesRead));
        var error = Assert.Single(result.ErrorDetails);
        Assert.Equal((ProcessingStage.Read, 3L, 2L), (error.Stage, error.LineNumber, error.RecordNumber));
        Assert.Contains("unterminated quote", error.Reason);
        Assert.Equal(input, error.FilePath);
    }

    [Fact]
    public async Task An_unclosed_quote_at_the_top_of_a_huge_csv_is_one_located_error_not_out_of_memory()
    {
        var input = _dir.File("huge.csv");
        await using (var writer = new StreamWriter(input))
        {
            await writer.WriteAsync("id,text\n1,\"opened and never closed\n");
            var row = new string('x', 1000);
            for (var i = 0; i < 50_000; i++)
            {
                await writer.WriteLineAsync(row); // 50 MB after the quote
            }
        }

        var builder = new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")) { MaxRecordSize = 1024 * 1024 };
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await builder.RunAsync();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var error = Assert.Single(result.ErrorDetails);
        Assert.Equal((ProcessingStage.Read, 2L), (error.Stage, error.LineNumber));
        Assert.Contains("MaxRecordSize", error.Reason);
        Assert.Equal((1L, 0L), (result.RecordsRead, result.Written));
        Assert.True(allocated < 32L * 1024 * 1024, $"allocated {allocated:N0} bytes for a 50 MB file");
    }

    [Fact]
    public async Task Ragged_rows_are_errors_with_their_lines_and_the_well_formed_rows_go_on()
    {
        var input = _dir.Write("ragged.csv", "a,b\n1,2\n3\n4,5,6\n7,8\n");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.csv")).RunAsync();

        Assert.Equal((4L, 2L, 2L), (result.RecordsRead, result.Written, result.Errors));
        Assert.Equal([3L, 4L], result.ErrorDetails.Select(e => e.LineNumber));
        Assert.All(result.ErrorDetails, e => Assert.Contains("different number of fields", e.Reason));
        Assert.Equal(["1", "7"], (await OutputReader.ReadAsync(_dir.File("out.csv"), FileFormat.Csv)).Select(r => r["a"]));
    }

    [Fact]
    public async Task A_bad_number_fails_validation_naming_the_field_and_the_line()
    {
        var input = _dir.Write("people.csv", "name,age\nann,34\nbob,thirty\ncid,200\n");
        var schema = new ValidationSchema([new FieldRule("age") { Type = FieldType.Integer, Max = 150 }]);

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).Validate(schema).RunAsync();

        Assert.Equal((1L, 2L), (result.Written, result.Errors));
        Assert.Equal([(3L, "age", ProcessingStage.Validate), (4L, "age", ProcessingStage.Validate)], result.ErrorDetails.Select(e => (e.LineNumber, e.Field!, e.Stage)));
        Assert.Equal("field 'age': is not an integer", result.ErrorDetails[0].Reason);
        Assert.Equal("field 'age': value is above the maximum 150", result.ErrorDetails[1].Reason);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_csv_row_is_an_error_not_replacement_characters()
    {
        var bytes = Encoding.UTF8.GetBytes("id,name\n1,ok\n2,").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n3,fine\n")).ToArray();
        var input = _dir.WriteBytes("bad.csv", bytes);

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).RunAsync();

        Assert.Equal((2L, 1L), (result.Written, result.Errors));
        Assert.Equal((3L, "the record is not valid UTF-8"), (result.ErrorDetails[0].LineNumber, result.ErrorDetails[0].Reason));
        Assert.DoesNotContain('\uFFFD', File.ReadAllText(_dir.File("out.jsonl")));
    }

    [Fact]
    public async Task Invalid_utf8_in_a_json_line_is_a_parse_error()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"a\":\"ok\"}\n{\"a\":\"").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("\"}\n{\"a\":\"fine\"}\n")).ToArray();
        var input = _dir.WriteBytes("bad.jsonl", bytes);

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).RunAsync();

        Assert.Equal((2L, 1L), (result.Written, result.Errors));
        Assert.Equal((2L, ProcessingStage.Parse), (result.ErrorDetails[0].LineNumber, result.ErrorDetails[0].Stage));
    }

    [Fact]
    public async Task A_truncated_json_array_keeps_its_complete_records_and_reports_the_rest()
    {
        var input = _dir.Write("cut.json", "[\n{\"id\":1},\n{\"id\":2},\n{\"id\":3,\"na");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).RunAsync();

        Assert.Equal((3L, 2L, 1L), (result.RecordsRead, result.Written, result.Errors));
        var error = result.ErrorDetails[0];
        Assert.Equal((ProcessingStage.Read, 4L), (error.Stage, error.LineNumber));
        Assert.Contains("truncated JSON", error.Reason);
    }

    [Fact]
    public async Task A_json_array_that_is_never_closed_is_one_error_after_all_its_records()
    {
        var input = _dir.Write("open.json", "[{\"id\":1},{\"id\":2}\n");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).RunAsync();

        Assert.Equal((2L, 1L), (result.Written, result.Errors));
        Assert.Contains("never closed", result.ErrorDetails[0].Reason);
    }

    [Fact]
    public async Task A_json_syntax_error_makes_the_rest_of_the_array_one_located_error()
    {
        var input = _dir.Write("broken.json", "[\n{\"id\":1},\n{\"id\": tru},\n{\"id\":3}\n]");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).RunAsync();

        Assert.Equal((1L, 1L), (result.Written, result.Errors));
        Assert.Equal(3L, result.ErrorDetails[0].LineNumber);
        Assert.Contains("syntax error", result.ErrorDetails[0].Reason);
    }

    [Fact]
    public async Task Json_lines_that_are_not_objects_are_parse_errors_and_the_others_go_on()
    {
        var input = _dir.Write("mixed.jsonl", "{\"id\":1}\n[1,2]\n42\n{\"id\": }\n\n{\"id\":5}\n");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).RunAsync();

        Assert.Equal((5L, 2L, 3L, 6L), (result.RecordsRead, result.Written, result.Errors, result.LinesRead));
        Assert.Equal([2L, 3L, 4L], result.ErrorDetails.Select(e => e.LineNumber));
        Assert.Equal("the record is not a JSON object (it is an array)", result.ErrorDetails[0].Reason);
        Assert.Equal("the record is not a JSON object (it is a number)", result.ErrorDetails[1].Reason);
        Assert.StartsWith("invalid JSON", result.ErrorDetails[2].Reason);
    }

    [Theory]
    [InlineData("empty.csv", "", "the file is empty: it has no header row")]
    [InlineData("header.csv", "id,name\n", "the file has a header row but no data rows")]
    [InlineData("empty.jsonl", "", "the file has no records (it is empty)")]
    [InlineData("empty.json", "[ ]", "the file has no records (it is empty or an empty JSON array)")]
    [InlineData("empty.xml", "<records/>", "the file has no records (it is empty, or its root element has no child elements)")]
    public async Task A_file_without_records_is_one_counted_error_by_default(string name, string content, string reason)
    {
        var input = _dir.Write(name, content);

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).RunAsync();

        Assert.Equal((1L, 0L, 1L), (result.RecordsRead, result.Written, result.Errors));
        Assert.Equal((ProcessingStage.Read, 1L, reason), (result.ErrorDetails[0].Stage, result.ErrorDetails[0].RecordNumber, result.ErrorDetails[0].Reason));
        Assert.Equal(string.Empty, File.ReadAllText(_dir.File("out.jsonl")));
    }

    [Fact]
    public async Task A_header_only_file_is_zero_records_when_empty_input_is_accepted()
    {
        var input = _dir.Write("header.csv", "id,name\n");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")) { EmptyInputIsError = false }.RunAsync();

        Assert.Equal((0L, 0L, 1L), (result.RecordsRead, result.Errors, result.LinesRead));
    }

    [Fact]
    public async Task A_missing_input_file_is_an_exception_naming_the_path_and_creates_no_output()
    {
        var missing = _dir.File("nowhere/missing.csv");
        var processor = new FileProcessor(new FileProcessingConfigBuilder(missing, _dir.File("out.jsonl")).Build());

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => processor.ProcessAsync());

        Assert.Contains(missing, error.Message);
        Assert.False(File.Exists(_dir.File("out.jsonl")));
    }

    [Fact]
    public async Task Malformed_xml_keeps_the_records_before_it_and_reports_the_line()
    {
        var input = _dir.Write("broken.xml", "<records>\n<record><id>1</id></record>\n<record><id>2</id></recrd>\n<record><id>3</id></record>\n</records>");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).RunAsync();

        Assert.Equal((1L, 1L), (result.Written, result.Errors));
        Assert.Equal(3L, result.ErrorDetails[0].LineNumber);
        Assert.Contains("XML syntax error", result.ErrorDetails[0].Reason);
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_one_counted_error()
    {
        var input = _dir.Write("fake.parquet", "id,name\n1,not parquet at all\n");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).RunAsync();

        Assert.Equal((1L, 1L), (result.RecordsRead, result.Errors));
        Assert.Contains("not a readable Parquet file", result.ErrorDetails[0].Reason);
    }

    [Fact]
    public async Task A_json_line_longer_than_the_limit_is_an_error_and_the_next_line_is_read()
    {
        var input = _dir.Write("long.jsonl", "{\"id\":1}\n{\"blob\":\"" + new string('x', 200_000) + "\"}\n{\"id\":3}\n");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")) { MaxRecordSize = 64 * 1024 }.RunAsync();

        Assert.Equal((2L, 1L), (result.Written, result.Errors));
        Assert.Equal(2L, result.ErrorDetails[0].LineNumber);
        Assert.Contains("longer than MaxRecordSize", result.ErrorDetails[0].Reason);
        Assert.Equal(["{\"id\":1}", "{\"id\":3}"], File.ReadAllLines(_dir.File("out.jsonl")));
    }

    public void Dispose() => _dir.Dispose();
}
