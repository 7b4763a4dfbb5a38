using System.Text;

namespace FsmGen.Patterns.FileProcessing.Tests;

public sealed class StageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Aggregations_replace_each_record_with_its_summary()
    {
        var input = _dir.Write("orders.jsonl", "{\"id\":1,\"items\":[2,3,5]}\n{\"id\":2,\"items\":[]}\n");
        var output = _dir.File("summary.jsonl");
        var builder = new FileProcessingConfigBuilder(input, output)
            .Aggregate("id", r => r["id"])
            .Aggregate("total", r => ((List<object?>)r["items"]!).Sum(i => (long)i!))
            .Aggregate("count", r => ((List<object?>)r["items"]!).Count);

        var result = await builder.RunAsync();

        Assert.Equal(2L, result.Written);
        Assert.Equal(["{\"id\":1,\"total\":10,\"count\":3}", "{\"id\":2,\"total\":0,\"count\":0}"], File.ReadAllLines(output));
    }

    [Fact]
    public async Task A_throwing_transformation_fails_only_its_record_with_the_stage_and_position()
    {
        var input = _dir.Write("in.csv", "n\n1\n0\n2\n");
        var builder = new FileProcessingConfigBuilder(input, _dir.File("out.jsonl"))
            .Transform(r => r)
            .Transform(r =>
            {
                r["inverse"] = 1 / int.Parse((string)r["n"]!);
                return r;
            });

        var result = await builder.RunAsync();

        Assert.Equal((2L, 1L), (result.Written, result.Errors));
        var error = Assert.Single(result.ErrorDetails);
        Assert.Equal((ProcessingStage.Transform, 3L, 2L), (error.Stage, error.LineNumber, error.RecordNumber));
        Assert.Equal("transformation 2 threw DivideByZeroException: Attempted to divide by zero.", error.Reason);
    }

    [Fact]
    public async Task A_transformation_that_returns_null_is_an_error_not_a_lost_record()
    {
        var input = _dir.Write("in.csv", "n\n1\n");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).Transform(_ => null!).RunAsync();

        Assert.Equal("transformation 1 returned null", Assert.Single(result.ErrorDetails).Reason);
    }

    [Fact]
    public async Task Filters_must_all_pass_and_may_be_async()
    {
        var input = _dir.Write("in.csv", "n\n1\n2\n3\n4\n5\n6\n");
        var builder = new FileProcessingConfigBuilder(input, _dir.File("out.csv"))
            .Filter(r => int.Parse((string)r["n"]!) % 2 == 0)
            .Filter(async (r, ct) =>
            {
                await Task.Yield();
                return (string)r["n"]! != "4";
            });

        var result = await builder.RunAsync();

        Assert.Equal((2L, 4L), (result.Written, result.Filtered));
        Assert.Equal("n\n2\n6\n", File.ReadAllText(_dir.File("out.csv")));
    }

    [Fact]
    public async Task A_throwing_filter_is_an_error_at_the_filter_stage()
    {
        var input = _dir.Write("in.csv", "n\n1\n");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.csv")).Filter(_ => throw new InvalidOperationException("boom")).RunAsync();

        Assert.Equal((ProcessingStage.Filter, "filter 1 threw InvalidOperationException: boom"), (result.ErrorDetails[0].Stage, result.ErrorDetails[0].Reason));
    }

    [Fact]
    public async Task Record_rules_validate_across_fields()
    {
        var input = _dir.Write("ranges.csv", "from,to\n1,5\n7,3\n");
        // <record-rules>
        var schema = new ValidationSchema(
            [new FieldRule("from") { Type = FieldType.Integer }, new FieldRule("to") { Type = FieldType.Integer }],
            [new RecordRule("from not after to", r => (long)r["from"]! <= (long)r["to"]!)]);
        // </record-rules>

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).Validate(schema).RunAsync();

        Assert.Equal((1L, "rule 'from not after to' failed", 3L), (result.Errors, result.ErrorDetails[0].Reason, result.ErrorDetails[0].LineNumber));
    }

    [Fact]
    public async Task A_predicate_alone_can_be_the_schema()
    {
        var input = _dir.Write("in.csv", "n\n1\n-1\n");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl"))
            .Validate(ValidationSchema.FromPredicate("positive", r => !((string)r["n"]!).StartsWith('-')))
            .RunAsync();

        Assert.Equal((1L, 1L), (result.Written, result.Errors));
    }

    [Fact]
    public async Task Latin1_input_is_decoded_with_the_configured_encoding()
    {
        var latin1 = Encoding.Latin1;
        var csv = _dir.WriteBytes("latin1.csv", latin1.GetBytes("name\nJosé\nMüller\n"));
        var text = _dir.WriteBytes("latin1.txt", latin1.GetBytes("Grüße\n"));

        var csvResult = await new FileProcessingConfigBuilder(csv, _dir.File("csv.jsonl")) { Encoding = latin1 }.RunAsync();
        var textResult = await new FileProcessingConfigBuilder(text, _dir.File("text.jsonl")) { Encoding = latin1 }.RunAsync();

        Assert.Equal((2L, 1L), (csvResult.Written, textResult.Written));
        Assert.Equal(["{\"name\":\"José\"}", "{\"name\":\"Müller\"}"], File.ReadAllLines(_dir.File("csv.jsonl")));
        Assert.Equal("{\"line\":\"Grüße\"}", File.ReadAllText(_dir.File("text.jsonl")).Trim());
    }

    [Fact]
    public async Task Xml_records_read_attributes_child_elements_nil_and_encoded_names()
    {
        var input = _dir.Write("in.xml",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <orders xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <!-- a comment -->
              <order id="7"><customer>Ann &amp; Co</customer><unit_x0020_price>9.5</unit_x0020_price><note xsi:nil="true"/></order>
            </orders>
            """);
        var output = _dir.File("out.jsonl");

        var result = await new FileProcessingConfigBuilder(input, output).RunAsync();

        Assert.Equal((1L, 0L), (result.Written, result.Errors));
        Assert.Equal("{\"id\":\"7\",\"customer\":\"Ann & Co\",\"unit price\":\"9.5\",\"note\":null}", File.ReadAllText(output).Trim());
    }

    [Fact]
    public async Task Xml_refuses_dtds_so_entities_cannot_expand()
    {
        var input = _dir.Write("bomb.xml", "<!DOCTYPE r [<!ENTITY a \"aaaa\">]><r><x><v>&a;</v></x></r>");

        var result = await new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).RunAsync();

        Assert.Equal((0L, 1L), (result.Written, result.Errors));
        Assert.Contains("XML syntax error", result.ErrorDetails[0].Reason);
    }

    [Fact]
    public async Task A_value_xml_cannot_hold_is_a_write_error()
    {
        var input = _dir.Write("in.jsonl", "{\"a\":\"ok\"}\n{\"a\":\"bell\\u0007\"}\n");
        var output = _dir.File("out.xml");

        var result = await new FileProcessingConfigBuilder(input, output).RunAsync();

        Assert.Equal((1L, 1L, ProcessingStage.Write), (result.Written, result.Errors, result.ErrorDetails[0].Stage));
        Assert.Single(System.Xml.Linq.XDocument.Load(output).Root!.Elements());
    }

    public void Dispose() => _dir.Dispose();
}
