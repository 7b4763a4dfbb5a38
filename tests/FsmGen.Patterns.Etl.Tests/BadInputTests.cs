using FsmGen.Patterns.Etl.Tests.Support;
using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl.Tests;

/// <summary>Bad records against PostgreSQL: each is counted once, located, and never stops the good ones.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BadInputTests(PostgresFixture postgres)
{
    private const string Items = "CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, qty integer, price numeric(12,2), updated_at timestamptz NOT NULL)";

    [Fact]
    public async Task Records_that_break_the_validation_schema_are_rejected_counted_and_never_loaded()
    {
        var db = await Databases.PostgresAsync(postgres, Items + "; CREATE TABLE valid_items (id bigint PRIMARY KEY, name text NOT NULL, qty integer, price numeric(12,2), updated_at timestamptz NOT NULL)");
        await Databases.SeedItemsAsync(db, 100);
        await PostgresFixture.ExecuteAsync(db, "UPDATE items SET qty = -5 WHERE id IN (10, 20); UPDATE items SET name = 'x' WHERE id = 30");
        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "valid_items") { Mode = EtlMode.Upsert };
        config.KeyColumns.Add("id");
        config.Validate(new ValidationSchema(
        [
            new FieldRule("qty") { Required = true, Type = FieldType.Integer, Min = 0 },
            new FieldRule("name") { Pattern = "^name[0-9]+$" },
        ]));

        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(3, result.Rejected);
        Assert.Equal(97, result.Loaded);
        Assert.Equal(0, result.Errors);
        Assert.Equal(["id=10", "id=20", "id=30"], result.RejectionDetails.Select(r => r.Key));
        Assert.All(result.RejectionDetails, r => Assert.Equal(EtlStage.Validate, r.Stage));
        Assert.Equal("qty", result.RejectionDetails[0].Field);
        Assert.Contains("below the minimum 0", result.RejectionDetails[0].Reason);
        Assert.Equal(0, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM valid_items WHERE id IN (10, 20, 30)"));
        Assert.Equal(97, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM valid_items"));
    }

    [Fact]
    public async Task With_RejectCountsAsError_rejections_are_errors_and_count_toward_the_threshold()
    {
        var db = await Databases.PostgresAsync(postgres, Items + "; CREATE TABLE sink (LIKE items INCLUDING ALL)");
        await Databases.SeedItemsAsync(db, 10);
        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "sink") { RejectCountsAsError = true, ErrorThreshold = 0.5 };
        config.Validate("even ids only", r => (long)r["id"]! % 2 == 0);

        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(5, result.Errors);
        Assert.Equal(0, result.Rejected);
        Assert.Equal(5, result.Loaded);
        Assert.Contains("rule 'even ids only' failed", result.ErrorDetails[0].Reason);
    }

    [Fact]
    public async Task A_transformation_that_throws_makes_its_record_an_error_and_the_others_load()
    {
        var db = await Databases.PostgresAsync(postgres, Items + "; CREATE TABLE sink (LIKE items INCLUDING ALL)");
        await Databases.SeedItemsAsync(db, 50);
        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "sink") { BatchSize = 10 };
        config.KeyColumns.Add("id");
        config.Transform(r => r);
        config.Transform(r => (long)r["id"]! == 17 ? throw new FormatException("cannot parse the legacy code") : r);

        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(49, result.Loaded);
        var error = Assert.Single(result.ErrorDetails);
        Assert.Equal(17, error.Position);
        Assert.Equal("id=17", error.Key);
        Assert.Equal(EtlStage.Transform, error.Stage);
        Assert.Equal("transformation 2 threw FormatException: cannot parse the legacy code", error.Reason);
        Assert.Equal(0, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM sink WHERE id = 17"));
    }

    [Fact]
    public async Task Text_into_an_integer_column_is_a_located_load_error_and_the_rest_of_the_batch_loads()
    {
        var db = await Databases.PostgresAsync(postgres, "CREATE TABLE raw (id bigint, qty text); CREATE TABLE typed (id bigint PRIMARY KEY, qty integer)");
        await PostgresFixture.ExecuteAsync(db, "INSERT INTO raw SELECT g, g::text FROM generate_series(1, 20) g; UPDATE raw SET qty = 'twelve' WHERE id = 12");
        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "raw"), db, "typed") { Mode = EtlMode.Upsert, ErrorThreshold = 0.5 };
        config.KeyColumns.Add("id");

        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(19, result.Loaded);
        var error = Assert.Single(result.ErrorDetails);
        Assert.Equal(("id=12", EtlStage.Load, "qty"), (error.Key, error.Stage, error.Field));
        Assert.Equal("field 'qty' (integer): a text value is not a valid integer", error.Reason);
        Assert.DoesNotContain("twelve", error.Reason);
        Assert.Equal(19, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM typed"));
        Assert.Equal(20, await PostgresFixture.ScalarAsync<long>(db, "SELECT qty FROM typed WHERE id = 20"));
    }

    [Fact]
    public async Task Rows_the_database_refuses_are_found_by_splitting_the_batch_and_every_other_row_loads()
    {
        // Values that convert fine but break the target's own rules: a varchar limit, numeric precision, a CHECK constraint.
        var db = await Databases.PostgresAsync(postgres, """
            CREATE TABLE raw (id bigint, code text, amount numeric, qty integer);
            CREATE TABLE strict (id bigint PRIMARY KEY, code varchar(5) NOT NULL, amount numeric(6,2), qty integer CHECK (qty >= 0));
            """);
        await PostgresFixture.ExecuteAsync(db, """
            INSERT INTO raw SELECT g, 'c' || g, g, g FROM generate_series(1, 1000) g;
            UPDATE raw SET code = 'far too long' WHERE id = 137;
            UPDATE raw SET amount = 123456789 WHERE id = 500;
            UPDATE raw SET qty = -1 WHERE id = 999;
            """);
        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "raw"), db, "strict") { Mode = EtlMode.Upsert, BatchSize = 1000 };
        config.KeyColumns.Add("id");

        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(997, result.Loaded);
        Assert.Equal(["id=137", "id=500", "id=999"], result.ErrorDetails.Select(e => e.Key));
        Assert.All(result.ErrorDetails, e => Assert.Equal(EtlStage.Load, e.Stage));
        Assert.Contains("22001", result.ErrorDetails[0].Reason);
        Assert.Equal("code", result.ErrorDetails[0].Field);
        Assert.Contains("22003", result.ErrorDetails[1].Reason);
        Assert.Contains("23514", result.ErrorDetails[2].Reason);
        Assert.Equal(997, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM strict"));
        Assert.Equal(0, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM strict WHERE id IN (137, 500, 999)"));
    }

    [Fact]
    public async Task An_error_rate_past_the_threshold_stops_the_run_and_committed_batches_stay()
    {
        var db = await Databases.PostgresAsync(postgres, Items + "; CREATE TABLE sink (LIKE items INCLUDING ALL)");
        await Databases.SeedItemsAsync(db, 1000);
        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "sink") { Mode = EtlMode.Upsert, BatchSize = 100, ErrorThreshold = 0.1 };
        config.KeyColumns.Add("id");

        // From id 301 on, every other record fails: the batch 301-400 brings the rate to 50/400 = 12.5%.
        config.Transform(r => (long)r["id"]! > 300 && (long)r["id"]! % 2 == 0 ? throw new InvalidOperationException("bad") : r);

        var stopped = await Assert.ThrowsAsync<EtlErrorThresholdException>(() => new DatabaseEtl(config.Build()).RunAsync());

        var result = stopped.Result.AddsUp();
        Assert.True(result.Extracted == 400, result.ToString() + " " + stopped.Message);
        Assert.False(result.Completed);
        Assert.Equal(3, result.CommittedBatches);
        Assert.Equal(300, result.Loaded);
        Assert.Equal(400, result.Extracted);
        Assert.Equal(50, result.Errors);
        Assert.Equal(50, result.Skipped);
        Assert.Contains("ErrorThreshold 0.1", stopped.Message);
        Assert.Contains("3 batch(es) committed before (300 row(s)) stay", stopped.Message);
        Assert.Equal(300, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM sink"));
    }

    [Theory]
    [InlineData("items\"; DROP TABLE items; --")]
    [InlineData("items;")]
    [InlineData("it'ems")]
    [InlineData("public.items.extra")]
    public void A_table_name_with_a_quote_or_semicolon_is_refused(string table)
    {
        var error = Assert.Throws<ArgumentException>(() => new EtlConfigBuilder(EtlSource.FromTable("sqlite:x.db", "items"), "sqlite:y.db", table).Build());
        Assert.Equal("TargetTable", error.ParamName);
        Assert.Contains("is not a valid table name", error.Message);
        Assert.Throws<ArgumentException>(() => EtlSource.FromTable("sqlite:x.db", table));
    }

    [Theory]
    [InlineData("id\"")]
    [InlineData("id; DROP")]
    [InlineData("")]
    public void A_key_column_with_a_quote_or_semicolon_is_refused(string column)
    {
        var builder = new EtlConfigBuilder(EtlSource.FromTable("sqlite:x.db", "items"), "sqlite:y.db", "items") { Mode = EtlMode.Upsert };
        builder.KeyColumns.Add(column);
        var error = Assert.Throws<ArgumentException>(builder.Build);
        Assert.Equal("KeyColumns", error.ParamName);
    }
}
