namespace FsmGen.Patterns.FileProcessing.Tests;

public sealed class ConfigValidationTests
{
    [Theory]
    [InlineData(0, 4, 1024, "ChunkSize")]
    [InlineData(10, 0, 1024, "ParallelChunks")]
    [InlineData(10, 4, 10, "MaxRecordSize")]
    public void A_bad_number_is_refused_with_a_message_naming_the_field(int chunkSize, int parallelChunks, int maxRecordSize, string field)
    {
        var builder = new FileProcessingConfigBuilder("in.csv", "out.jsonl") { ChunkSize = chunkSize, ParallelChunks = parallelChunks, MaxRecordSize = maxRecordSize };

        var error = Assert.Throws<ArgumentException>(builder.Build);

        Assert.Equal(field, error.ParamName);
        Assert.StartsWith($"FileProcessingConfig.{field} must be at least", error.Message);
    }

    [Fact]
    public void Formats_are_detected_from_extensions_and_output_may_differ()
    {
        var config = new FileProcessingConfigBuilder("data/in.TSV", "out.ndjson").Build();

        Assert.Equal((FileFormat.Tsv, FileFormat.JsonLines, ProcessingMode.Stream), (config.InputFormat, config.OutputFormat, config.Mode));
    }

    [Fact]
    public void An_unknown_extension_without_a_format_names_the_format_field()
    {
        var error = Assert.Throws<ArgumentException>(new FileProcessingConfigBuilder("in.dat", "out.csv").Build);

        Assert.Equal("InputFormat", error.ParamName);
        Assert.Contains("in.dat", error.Message);
    }

    [Fact]
    public void An_explicit_format_wins_over_the_extension()
    {
        var config = new FileProcessingConfigBuilder("in.dat", "out.txt") { InputFormat = FileFormat.Csv, OutputFormat = FileFormat.JsonLines }.Build();

        Assert.Equal((FileFormat.Csv, FileFormat.JsonLines), (config.InputFormat, config.OutputFormat));
    }

    [Fact]
    public void Output_over_input_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(new FileProcessingConfigBuilder("same.csv", "./same.csv").Build);

        Assert.Equal("OutputPath", error.ParamName);
    }

    [Fact]
    public void Log_patterns_on_a_non_log_input_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(new FileProcessingConfigBuilder("in.csv", "out.jsonl").ParseLogLines("(?<x>.)").Build);

        Assert.Equal("LogPatterns", error.ParamName);
    }

    [Fact]
    public void Bad_regular_expressions_are_refused_when_given()
    {
        Assert.Throws<ArgumentException>(() => new FieldRule("email") { Pattern = "([" });
        Assert.Throws<ArgumentException>(() => new FileProcessingConfigBuilder("a.log", "b.jsonl").ParseLogLines("(?<x>"));
    }

    [Fact]
    public void A_schema_refuses_min_above_max_and_duplicate_fields()
    {
        Assert.Contains("Min (5) greater than Max (1)", Assert.Throws<ArgumentException>(() => new ValidationSchema([new FieldRule("a") { Min = 5, Max = 1 }])).Message);
        Assert.Contains("'a' has two rules", Assert.Throws<ArgumentException>(() => new ValidationSchema([new FieldRule("a"), new FieldRule("a")])).Message);
    }

    [Fact]
    public void A_config_is_immutable_and_to_builder_derives_a_changed_copy()
    {
        var original = new FileProcessingConfigBuilder("in.csv", "out.jsonl").Filter(_ => true).Build();

        var changed = original.ToBuilder();
        changed.ChunkSize = 7;
        changed.Filter(_ => false);
        var copy = changed.Build();

        Assert.Equal((1000, 1), (original.ChunkSize, original.Filters.Count));
        Assert.Equal((7, 2), (copy.ChunkSize, copy.Filters.Count));
    }
}
