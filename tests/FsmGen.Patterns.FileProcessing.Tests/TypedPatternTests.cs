using System.Globalization;
using System.Text.Json;

namespace FsmGen.Patterns.FileProcessing.Tests;

/// <summary>The typed route: [Pattern("FileProcessing")] classes over real files.</summary>
public sealed class TypedPatternTests : IDisposable
{
    private const string Orders = """
        id,email,amount,status
        1,ann@example.com,120.50,paid
        2,bob@example.com,35.00,cancelled
        3,no-email,18.99,paid
        4,eve@example.com,abc,paid
        5,gus@example.com,250.00
        6,hana@example.com,77.70,paid

        """;

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Csv_to_json_lines_writes_typed_records_and_accounts_for_every_row()
    {
        var input = _dir.Write("orders.csv", Orders);
        var output = _dir.File("paid.jsonl");
        var pipeline = new PaidOrders();

        var result = (await pipeline.ProcessAsync(new FileProcessingConfigBuilder(input, output).Build())).AssertAccounted();

        Assert.Equal((6L, 2L, 1L, 3L), (result.RecordsRead, result.Written, result.Filtered, result.Errors));
        Assert.Equal(
            [
                """{"Id":1,"Email":"ann@example.com","Amount":120.50,"Status":"paid","Total":144.600}""",
                """{"Id":6,"Email":"hana@example.com","Amount":77.70,"Status":"paid","Total":93.240}""",
            ],
            File.ReadAllLines(output));
        Assert.Equal(144.600m + 93.240m, pipeline.Revenue);
        Assert.Collection(
            result.ErrorDetails,
            e => Assert.Equal((4L, 3L, ProcessingStage.Validate, "Email", "email has no @"), (e.LineNumber, e.RecordNumber, e.Stage, e.Field, e.Reason)),
            e => Assert.Equal((5L, 4L, ProcessingStage.Parse, "amount", "field 'amount': is not a valid decimal"), (e.LineNumber, e.RecordNumber, e.Stage, e.Field, e.Reason)),
            e => Assert.Equal((6L, 5L, ProcessingStage.Read, "the record has a different number of fields than the header (4)"), (e.LineNumber, e.RecordNumber, e.Stage, e.Reason)));
        Assert.All(result.ErrorDetails, e => Assert.Equal(input, e.FilePath));
    }

    [Fact]
    public async Task Csv_to_csv_writes_the_record_type_s_columns_as_the_header()
    {
        var input = _dir.Write("orders.csv", Orders);
        var output = _dir.File("paid.csv");

        var result = (await new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(input, output).Build())).AssertAccounted();

        Assert.Equal(2L, result.Written);
        Assert.Equal("Id,Email,Amount,Status,Total\n1,ann@example.com,120.50,paid,144.600\n6,hana@example.com,77.70,paid,93.240\n", File.ReadAllText(output));
    }

    [Fact]
    public async Task Csv_output_escapes_formulas_and_a_record_refused_by_CsvInjection_Throw_is_a_write_error_written_not_at_all()
    {
        var input = _dir.Write("orders.csv", "id,email,amount,status\n1,=cmd@x.y,1,paid\n2,ok@x.y,2,paid\n");

        var escaped = (await new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(input, _dir.File("a.csv")).Build())).AssertAccounted();
        var refused = (await new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(input, _dir.File("b.csv")) { CsvInjection = CsvHelper.CsvInjection.Throw }.Build())).AssertAccounted();

        Assert.Equal(2L, escaped.Written);
        Assert.Contains("\"'=cmd@x.y\"", File.ReadAllText(_dir.File("a.csv")));
        Assert.Equal((1L, 1L), (refused.Written, refused.Errors));
        Assert.Equal(ProcessingStage.Write, Assert.Single(refused.ErrorDetails).Stage);
        Assert.Equal("Id,Email,Amount,Status,Total\n2,ok@x.y,2,paid,2.4\n", File.ReadAllText(_dir.File("b.csv")));
    }

    [Fact]
    public async Task Tsv_to_a_json_array_works_too()
    {
        var input = _dir.Write("orders.tsv", "id\temail\tamount\tstatus\n1\tann@example.com\t10\tpaid\n2\tbob@example.com\t20\tpaid\n");
        var output = _dir.File("paid.json");

        var result = (await new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(input, output).Build())).AssertAccounted();

        Assert.Equal(2L, result.Written);
        var array = JsonDocument.Parse(File.ReadAllText(output)).RootElement;
        Assert.Equal([1L, 2L], array.EnumerateArray().Select(e => e.GetProperty("Id").GetInt64()));
        Assert.Equal(24m, array[1].GetProperty("Total").GetDecimal());
    }

    [Fact]
    public async Task A_missing_required_column_makes_every_record_a_located_error_naming_the_column()
    {
        var input = _dir.Write("orders.csv", "id,email,amount\n1,ann@example.com,1\n2,bob@example.com,2\n");

        var result = (await new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).Build())).AssertAccounted();

        Assert.Equal((2L, 0L, 2L), (result.RecordsRead, result.Written, result.Errors));
        Assert.All(result.ErrorDetails, e => Assert.Equal((ProcessingStage.Parse, "Status", "the header has no column 'Status', which the record type needs"), (e.Stage, e.Field, e.Reason)));
        Assert.Equal([2L, 3L], result.ErrorDetails.Select(e => e.LineNumber));
        Assert.Equal(string.Empty, File.ReadAllText(_dir.File("out.jsonl")));
    }

    [Fact]
    public async Task Bad_numbers_are_located_and_their_values_stay_out_of_messages_unless_asked_for()
    {
        var input = _dir.Write("orders.csv", "id,email,amount,status\nx1,a@b.c,1,paid\n2,a@b.c,,paid\n3,a@b.c,9e999999,paid\n");

        var hidden = (await new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(input, _dir.File("a.jsonl")).Build())).AssertAccounted();
        var shown = (await new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(input, _dir.File("b.jsonl")) { IncludeValuesInErrors = true }.Build())).AssertAccounted();

        Assert.Equal(
            ["field 'id': is not a valid long", "field 'amount': is empty, but Amount (decimal) needs a value", "field 'amount': is not a valid decimal"],
            hidden.ErrorDetails.Select(e => e.Reason));
        Assert.Equal(
            ["field 'id': 'x1' is not a valid long", "field 'amount': is empty, but Amount (decimal) needs a value", "field 'amount': '9e999999' is not a valid decimal"],
            shown.ErrorDetails.Select(e => e.Reason));
        Assert.Equal([2L, 3L, 4L], hidden.ErrorDetails.Select(e => e.LineNumber));
        Assert.All(hidden.ErrorDetails, e => Assert.Equal(ProcessingStage.Parse, e.Stage));
    }

    [Fact]
    public async Task Failed_records_go_to_the_dead_letter_file_with_their_raw_row()
    {
        var input = _dir.Write("orders.csv", Orders);
        var deadLetter = _dir.File("dead.jsonl");

        var result = (await new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")) { DeadLetterPath = deadLetter }.Build())).AssertAccounted();

        var letters = OutputReader.ReadJsonLines(deadLetter);
        Assert.Equal(result.Errors, letters.Count);
        Assert.Equal(
            [("Validate", "3,no-email,18.99,paid"), ("Parse", "4,eve@example.com,abc,paid"), ("Read", "5,gus@example.com,250.00")],
            letters.Select(l => (l.GetProperty("stage").GetString()!, l.GetProperty("raw").GetString()!)));
        Assert.Equal(5, letters[1].GetProperty("line").GetInt64());
    }

    [Fact]
    public async Task Every_supported_member_kind_reads_from_csv_and_writes_to_json_and_csv()
    {
        var input = _dir.Write("readings.csv", """
            sensor_id,value,day,at,tier,ok,batch,note,grade
            7,1.5,2024-03-01,13:45:30,gold,yes,0f8fad5b-d9cb-469f-a165-70867728950e,,A
            8,-2,2024-03-02,,Silver,0,,hello,B

            """);
        var jsonl = _dir.File("readings.jsonl");
        var csv = _dir.File("readings.out.csv");

        var json = (await new Readings().ProcessAsync(new FileProcessingConfigBuilder(input, jsonl).Build())).AssertAccounted();
        var text = (await new Readings().ProcessAsync(new FileProcessingConfigBuilder(input, csv).Build())).AssertAccounted();

        Assert.Equal((2L, 2L), (json.Written, text.Written));
        Assert.Equal(
            [
                """{"sensor":7,"Value":15,"Day":"2024-03-01","At":"13:45:30.0000000","Tier":"Gold","Ok":true,"Batch":"0f8fad5b-d9cb-469f-a165-70867728950e","Note":"","Grade":"A"}""",
                """{"sensor":8,"Value":-20,"Day":"2024-03-02","At":null,"Tier":"Silver","Ok":false,"Batch":null,"Note":"hello","Grade":"B"}""",
            ],
            File.ReadAllLines(jsonl));
        Assert.Equal(
            "sensor_id,Value,Day,At,Tier,Ok,Batch,Note,Grade\n"
            + "7,15,2024-03-01,13:45:30.0000000,Gold,true,0f8fad5b-d9cb-469f-a165-70867728950e,,A\n"
            + "8,-20,2024-03-02,,Silver,false,,hello,B\n",
            File.ReadAllText(csv));
    }

    [Fact]
    public async Task Optional_members_keep_their_defaults_when_the_header_lacks_their_column()
    {
        var input = _dir.Write("readings.csv", "sensor id,VALUE,Day,At,tier,ok,batch\n1,2,2024-01-01,,Bronze,true,\n");

        var result = (await new Readings().ProcessAsync(new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).Build())).AssertAccounted();

        Assert.Equal(1L, result.Written);
        var record = Assert.Single(OutputReader.ReadJsonLines(_dir.File("out.jsonl")));
        Assert.Equal(("none", "C", 1), (record.GetProperty("Note").GetString(), record.GetProperty("Grade").GetString(), record.GetProperty("sensor").GetInt32()));
    }

    [Fact]
    public async Task Stage_methods_that_throw_or_return_null_fail_only_their_record_naming_the_method()
    {
        var input = _dir.Write("orders.csv", "id,email,amount,status\n13,a@b.c,1,paid\n7,a@b.c,1,paid\n8,a@b.c,0,paid\n9,a@b.c,5,paid\n");

        var result = (await new FragileOrders().ProcessAsync(new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).Build())).AssertAccounted();

        Assert.Equal((4L, 1L, 3L), (result.RecordsRead, result.Written, result.Errors));
        Assert.Collection(
            result.ErrorDetails,
            e => Assert.Equal((ProcessingStage.Filter, "filter 'IsKnown' threw InvalidOperationException: unlucky id"), (e.Stage, e.Reason)),
            e => Assert.Equal((ProcessingStage.Transform, "transform 'Check' returned null"), (e.Stage, e.Reason)),
            e => Assert.Equal((ProcessingStage.Validate, "validation 'Positive' failed"), (e.Stage, e.Reason)));
    }

    [Fact]
    public async Task Batch_mode_with_parallel_chunks_keeps_the_input_order()
    {
        var rows = Enumerable.Range(1, 2000).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},u{i}@example.com,{i % 200},paid"));
        var input = _dir.Write("orders.csv", "id,email,amount,status\n" + string.Join('\n', rows) + "\nbad,x,y,z\n");
        var output = _dir.File("out.jsonl");

        var result = (await new LargeOrders().ProcessAsync(new FileProcessingConfigBuilder(input, output) { Mode = ProcessingMode.Batch, ChunkSize = 64, ParallelChunks = 4 }.Build())).AssertAccounted();

        var expected = Enumerable.Range(1, 2000).Where(i => i % 200 >= 100).ToList();
        Assert.Equal((2001L, (long)expected.Count, 2000L - expected.Count, 1L), (result.RecordsRead, result.Written, result.Filtered, result.Errors));
        Assert.Equal(expected, OutputReader.ReadJsonLines(output).Select(e => e.GetProperty("Id").GetInt32()));
        Assert.Equal(2002L, Assert.Single(result.ErrorDetails).LineNumber);
    }

    [Fact]
    public async Task Stream_mode_over_several_read_and_write_blocks_keeps_every_record_in_order()
    {
        // About 3 MiB in and 4 MiB out: the input is read ahead and the output written behind in blocks of 1 MiB.
        var rows = Enumerable.Range(1, 100_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},user{i}@example.com,{i % 200},paid"));
        var input = _dir.Write("orders.csv", "id,email,amount,status\n" + string.Join('\n', rows) + "\nbad,x,y,z\n");
        var output = _dir.File("out.jsonl");

        var result = (await new LargeOrders().ProcessAsync(new FileProcessingConfigBuilder(input, output).Build())).AssertAccounted();

        var expected = Enumerable.Range(1, 100_000).Where(i => i % 200 >= 100).ToList();
        Assert.Equal((100_001L, (long)expected.Count, 1L, new FileInfo(input).Length), (result.RecordsRead, result.Written, result.Errors, result.BytesRead));
        Assert.Equal(expected, OutputReader.ReadJsonLines(output).Select(e => e.GetProperty("Id").GetInt32()));
        Assert.Equal(100_002L, Assert.Single(result.ErrorDetails).LineNumber);
    }

    [Fact]
    public async Task Whole_mode_gives_the_same_output_as_stream_mode()
    {
        var input = _dir.Write("orders.csv", Orders);

        var stream = (await new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(input, _dir.File("s.jsonl")).Build())).AssertAccounted();
        var whole = (await new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(input, _dir.File("w.jsonl")) { Mode = ProcessingMode.Whole }.Build())).AssertAccounted();

        Assert.Equal(File.ReadAllText(_dir.File("s.jsonl")), File.ReadAllText(_dir.File("w.jsonl")));
        Assert.Equal(stream.ErrorDetails.Select(e => e.ToString()), whole.ErrorDetails.Select(e => e.ToString()));
    }

    [Fact]
    public async Task An_empty_file_is_one_error_by_default()
    {
        var input = _dir.Write("orders.csv", "id,email,amount,status\n");

        var result = (await new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).Build())).AssertAccounted();
        var allowed = (await new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(input, _dir.File("out2.jsonl")) { EmptyInputIsError = false }.Build())).AssertAccounted();

        Assert.Equal("the file has a header row but no data rows", Assert.Single(result.ErrorDetails).Reason);
        Assert.Equal(0L, allowed.RecordsRead);
    }

    [Fact]
    public async Task The_config_must_not_ask_for_what_a_typed_processor_does_not_do()
    {
        var csv = _dir.Write("orders.csv", Orders);
        var json = _dir.Write("orders.jsonl", "{}\n");

        var input = await Assert.ThrowsAsync<ArgumentException>(() => new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(json, _dir.File("a.csv")).Build()));
        var stages = await Assert.ThrowsAsync<ArgumentException>(() => new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(csv, _dir.File("b.jsonl")).Filter(_ => true).Build()));
        var output = await Assert.ThrowsAsync<ArgumentException>(() => new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(csv, _dir.File("c.xml")).Build()));

        Assert.Equal(("InputFormat", "FileProcessingConfig.InputFormat must be Csv or Tsv for a typed [Pattern(\"FileProcessing\")] processor, but is JsonLines. (Parameter 'InputFormat')"), (input.ParamName, input.Message));
        Assert.Equal("Filters", stages.ParamName);
        Assert.Equal("OutputFormat", output.ParamName);
        Assert.False(File.Exists(_dir.File("b.jsonl")));
    }

    [Fact]
    public async Task A_missing_input_file_names_its_path_and_creates_no_output()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => new PaidOrders().ProcessAsync(new FileProcessingConfigBuilder(_dir.File("nope.csv"), _dir.File("out.jsonl")).Build()));

        Assert.Contains(_dir.File("nope.csv"), error.Message);
        Assert.False(File.Exists(_dir.File("out.jsonl")));
    }

    [Fact]
    public async Task Cancellation_throws_and_leaves_no_output()
    {
        var input = _dir.Write("orders.csv", Orders);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Readings().ProcessAsync(new FileProcessingConfigBuilder(input, _dir.File("out.jsonl")).Build(), cancelled.Token));

        Assert.False(File.Exists(_dir.File("out.jsonl")));
    }

    [Fact]
    public void The_machine_is_an_ordinary_generated_machine_with_graph_and_single_record_runs()
    {
        Assert.Equal(["Parse", "Validate", "Filter", "Transform", "Aggregate", "Written", "Filtered", "Invalid"], Enum.GetNames<PaidOrders.StateId>());
        Assert.Contains("Validate --> Invalid : [IsInvalid]\n", PaidOrders.Mermaid);
        Assert.Contains("Filter --> Filtered : [IsFilteredOut]\n", PaidOrders.Mermaid);
        Assert.Contains("Aggregate --> Written\n", PaidOrders.Mermaid);
        Assert.Equal(["Parse", "Transform", "Written", "Invalid"], Enum.GetNames<Readings.StateId>());

        // <typed-single-record>
        var pipeline = new PaidOrders();

        var paid = pipeline.Run(new FileRecord<Order>(new Order(1, "a@b.c", 10m, "paid")));
        var cancelled = pipeline.Run(new FileRecord<Order>(new Order(2, "a@b.c", 10m, "cancelled")));
        var invalid = pipeline.Run(new FileRecord<Order>(new Order(3, "nobody", 10m, "paid")));

        Assert.Equal((PaidOrders.StateId.Written, FileRecordOutcome.Written, 12.0m), (paid.FinalState, paid.Data.Outcome, paid.Data.Value.Total));
        Assert.Equal((PaidOrders.StateId.Filtered, FileRecordOutcome.Filtered), (cancelled.FinalState, cancelled.Data.Outcome));
        Assert.Equal((PaidOrders.StateId.Invalid, ProcessingStage.Validate, "email has no @"), (invalid.FinalState, invalid.Data.FailedStage, invalid.Data.Reason));
        Assert.Equal(12.0m, pipeline.Revenue);
        // </typed-single-record>
        Assert.True(paid.Emitted);
        Assert.False(cancelled.Emitted);
    }

    public void Dispose() => _dir.Dispose();
}
