namespace FsmGen.Patterns.FileProcessing.Tests;

/// <summary>The generated per-record machine itself: only enabled stages are visited, and every record reaches an end state.</summary>
public sealed class RecordMachineTests
{
    [Fact]
    public async Task A_pass_through_config_visits_only_read_parse_write_and_complete()
    {
        var machine = new RecordMachine(new RecordStages(Config()), DeferredSink.Instance);
        var record = new RecordContext { Record = new Record { ["a"] = "1" } };

        var result = await machine.RunAsync(record);

        Assert.Equal((RecordMachine.StateId.Complete, 4, true, RecordEnd.Written), (result.FinalState, result.Steps, result.Emitted, record.End));
    }

    [Fact]
    public async Task Every_enabled_stage_is_visited_in_order()
    {
        var visited = new List<RecordMachine.StateId>();
        var config = Config(b => b
            .Validate(new ValidationSchema([new FieldRule("a") { Type = FieldType.Integer }]))
            .Filter(_ => true)
            .Transform(r => r)
            .Aggregate("a", r => r["a"]));
        var machine = new RecordMachine(new RecordStages(config), DeferredSink.Instance);

        var run = machine.Begin(new RecordContext { Record = new Record { ["a"] = "1" } });
        while (!run.IsCompleted)
        {
            visited.Add(run.State);
            await run.StepAsync();
        }

        Assert.Equal(
            [RecordMachine.StateId.Read, RecordMachine.StateId.Parse, RecordMachine.StateId.Validate, RecordMachine.StateId.Filter,
             RecordMachine.StateId.Transform, RecordMachine.StateId.Aggregate, RecordMachine.StateId.Write, RecordMachine.StateId.Complete],
            visited);
    }

    [Fact]
    public async Task Filtered_and_error_records_end_in_states_that_emit_nothing()
    {
        var config = Config(b => b.Validate(new ValidationSchema([new FieldRule("a") { Type = FieldType.Integer }])).Filter(r => (long)r["a"]! > 0));
        var machine = new RecordMachine(new RecordStages(config), DeferredSink.Instance);
        var filtered = new RecordContext { Record = new Record { ["a"] = "0" } };
        var invalid = new RecordContext { Record = new Record { ["a"] = "x" } };

        var filteredRun = await machine.RunAsync(filtered);
        var invalidRun = await machine.RunAsync(invalid);

        Assert.Equal((RecordMachine.StateId.Filtered, false, RecordEnd.Filtered), (filteredRun.FinalState, filteredRun.Emitted, filtered.End));
        Assert.Equal((RecordMachine.StateId.Error, false, RecordEnd.Error), (invalidRun.FinalState, invalidRun.Emitted, invalid.End));
        Assert.Equal(ProcessingStage.Validate, invalid.Failure!.Stage);
    }

    [Fact]
    public async Task A_stage_that_throws_unexpectedly_still_ends_the_record_in_error_at_that_stage()
    {
        var machine = new RecordMachine(new RecordStages(Config()), new ThrowingSink());
        var record = new RecordContext { Record = new Record { ["a"] = "1" } };

        var end = await machine.ProcessAsync(record, CancellationToken.None);

        Assert.Equal(RecordEnd.Error, end);
        Assert.Equal((ProcessingStage.Write, "the Write stage failed unexpectedly: IOException: disk full"), (record.Failure!.Stage, record.Failure.Reason));
    }

    [Fact]
    public void The_generated_graph_has_the_documented_shape()
    {
        Assert.Contains("Filter --> Filtered : [IsFilteredOut]", RecordMachine.Mermaid);
        Assert.Contains("Parse --> Validate : [ValidationEnabled]", RecordMachine.Mermaid);
        Assert.Contains("Write --> Complete", RecordMachine.Mermaid);
        Assert.Equal(10, Enum.GetValues<RecordMachine.StateId>().Length);
    }

    private static FileProcessingConfig Config(Action<FileProcessingConfigBuilder>? configure = null)
    {
        var builder = new FileProcessingConfigBuilder("in.csv", "out.jsonl");
        configure?.Invoke(builder);
        return builder.Build();
    }

    private sealed class ThrowingSink : IRecordSink
    {
        public ValueTask<StageFailure?> AcceptAsync(Record record, CancellationToken cancellationToken) => throw new IOException("disk full");
    }
}
