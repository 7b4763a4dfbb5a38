using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl.Tests;

/// <summary>Invalid configs are refused at construction, with a message that names the field.</summary>
public sealed class ConfigValidationTests
{
    private static EtlConfigBuilder Builder(EtlMode mode = EtlMode.FullRefresh) =>
        new(EtlSource.FromTable("sqlite:source.db", "items"), "sqlite:target.db", "items") { Mode = mode };

    [Fact]
    public void Defaults_follow_the_seed()
    {
        var config = Builder().Build();
        Assert.Equal(1000, config.BatchSize);
        Assert.Equal(1, config.ParallelWorkers);
        Assert.Equal(1, config.CheckpointInterval);
        Assert.Equal(0.1, config.ErrorThreshold);
        Assert.Equal(EtlMode.FullRefresh, config.Mode);
        Assert.Equal(DatabaseProvider.Sqlite, config.TargetProvider);
    }

    [Fact]
    public void A_key_column_renamed_away_by_a_field_mapping_is_refused()
    {
        var builder = Builder(EtlMode.Upsert).Map("id", "legacy_id");
        builder.KeyColumns.Add("id");
        var error = Assert.Throws<ArgumentException>(builder.Build);
        Assert.Equal("KeyColumns", error.ParamName);
        Assert.Contains("FieldMappings renames 'id' to 'legacy_id'", error.Message);
    }

    [Fact]
    public void A_key_column_that_a_mapping_produces_is_accepted_and_orders_the_source_by_its_source_name()
    {
        var builder = Builder(EtlMode.Upsert).Map("user_id", "id");
        builder.KeyColumns.Add("id");
        Assert.Equal(["user_id"], builder.Build().ReadOrder);
    }

    [Theory]
    [InlineData(nameof(EtlConfigBuilder.BatchSize), 0)]
    [InlineData(nameof(EtlConfigBuilder.ParallelWorkers), 0)]
    [InlineData(nameof(EtlConfigBuilder.CheckpointInterval), -1)]
    [InlineData(nameof(EtlConfigBuilder.MaxErrorDetails), -1)]
    public void Counts_below_their_minimum_are_refused(string field, int value)
    {
        var builder = Builder();
        typeof(EtlConfigBuilder).GetProperty(field)!.SetValue(builder, value);
        var error = Assert.Throws<ArgumentException>(builder.Build);
        Assert.Equal(field, error.ParamName);
        Assert.Contains($"EtlConfig.{field} must be at least", error.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void An_error_threshold_outside_0_to_1_is_refused(double threshold)
    {
        var builder = Builder();
        builder.ErrorThreshold = threshold;
        Assert.Equal("ErrorThreshold", Assert.Throws<ArgumentException>(builder.Build).ParamName);
    }

    [Theory]
    [InlineData(EtlMode.Upsert)]
    [InlineData(EtlMode.Incremental)]
    public void Upsert_and_incremental_need_key_columns(EtlMode mode)
    {
        var builder = Builder(mode);
        builder.WatermarkColumn = mode == EtlMode.Incremental ? "updated_at" : null;
        Assert.Equal("KeyColumns", Assert.Throws<ArgumentException>(builder.Build).ParamName);
    }

    [Fact]
    public void Incremental_needs_a_watermark_column_and_a_database_source()
    {
        var noWatermark = Builder(EtlMode.Incremental);
        noWatermark.KeyColumns.Add("id");
        Assert.Equal("WatermarkColumn", Assert.Throws<ArgumentException>(noWatermark.Build).ParamName);

        var file = new EtlConfigBuilder(EtlSource.FromFile("x.csv"), "sqlite:t.db", "t") { Mode = EtlMode.Incremental, WatermarkColumn = "updated_at" };
        file.KeyColumns.Add("id");
        Assert.Contains("needs a database source", Assert.Throws<ArgumentException>(file.Build).Message);

        var notIncremental = Builder(EtlMode.Append);
        notIncremental.WatermarkColumn = "updated_at";
        Assert.Equal("WatermarkColumn", Assert.Throws<ArgumentException>(notIncremental.Build).ParamName);
    }

    [Fact]
    public void Field_mappings_onto_one_name_or_onto_an_invalid_identifier_are_refused()
    {
        Assert.Contains("maps both", Assert.Throws<ArgumentException>(Builder().Map("a", "x").Map("b", "x").Build).Message);
        Assert.Throws<ArgumentException>(Builder().Map("a", "x\"y").Build);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ftp://host/db")]
    [InlineData("Host=a;Data Source=b")]
    [InlineData("sqlite:")]
    public void Unusable_connection_strings_are_refused_naming_the_field(string connection)
    {
        var error = Assert.Throws<ArgumentException>(() => new EtlConfigBuilder(EtlSource.FromTable("sqlite:s.db", "t"), connection, "t").Build());
        Assert.Equal("TargetConnection", error.ParamName);
    }

    [Fact]
    public void The_config_is_immutable_and_round_trips_through_its_builder()
    {
        var builder = Builder(EtlMode.Upsert).Map("a", "b");
        builder.KeyColumns.Add("id");
        builder.Validate(new ValidationSchema([new FieldRule("b") { Required = true }]));
        var config = builder.Build();
        builder.KeyColumns.Add("other");
        builder.FieldMappings["c"] = "d";

        Assert.Equal(["id"], config.KeyColumns);
        Assert.Single(config.FieldMappings);
        var copy = config.ToBuilder();
        copy.BatchSize = 5;
        var changed = copy.Build();
        Assert.Equal(5, changed.BatchSize);
        Assert.Equal(1000, config.BatchSize);
        Assert.Same(config.ValidationSchema, changed.ValidationSchema);
    }
}
