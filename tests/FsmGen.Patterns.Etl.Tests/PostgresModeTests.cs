using FsmGen.Patterns.Etl.Tests.Support;

namespace FsmGen.Patterns.Etl.Tests;

/// <summary>Each mode against a real PostgreSQL server, PostgreSQL to PostgreSQL, asserting the target's rows.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresModeTests(PostgresFixture postgres)
{
    private const string Items = "CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, qty integer, price numeric(12,2), updated_at timestamptz NOT NULL)";

    [Fact]
    public async Task FullRefresh_replaces_the_target_rows_with_the_source_rows()
    {
        var db = await Databases.PostgresAsync(postgres, Items);
        await PostgresFixture.ExecuteAsync(db, "CREATE TABLE copy (id bigint PRIMARY KEY, name text NOT NULL, qty integer, price numeric(12,2), updated_at timestamptz NOT NULL)");
        await PostgresFixture.ExecuteAsync(db, "INSERT INTO copy VALUES (999999, 'stale', 1, 1, now())");
        await Databases.SeedItemsAsync(db, 2500);

        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "copy") { Mode = EtlMode.FullRefresh };
        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(2500, result.Extracted);
        Assert.Equal(2500, result.Loaded);
        Assert.Equal(3, result.CommittedBatches);
        Assert.Equal(2500, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM copy"));
        Assert.Equal(0, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM copy WHERE id = 999999"));
        Assert.Equal(
            await PostgresFixture.ScalarAsync<string>(db, Databases.ChecksumSql("items")),
            await PostgresFixture.ScalarAsync<string>(db, Databases.ChecksumSql("copy")));
    }

    [Fact]
    public async Task Upsert_inserts_new_keys_and_updates_existing_ones()
    {
        var db = await Databases.PostgresAsync(postgres, Items);
        var target = postgres.CreateDatabase("upsert_target");
        await PostgresFixture.ExecuteAsync(target, Items);
        await PostgresFixture.ExecuteAsync(target, "INSERT INTO items VALUES (1, 'old one', 0, 0, now()), (500, 'kept', 5, 5, now())");
        await Databases.SeedItemsAsync(db, 100);

        var config = new EtlConfigBuilder(EtlSource.FromQuery(db, "SELECT * FROM items WHERE id <= 100"), PostgresFixture.UriOf(target), "items") { Mode = EtlMode.Upsert };
        config.KeyColumns.Add("id");
        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(100, result.Loaded);
        Assert.Equal(101, await PostgresFixture.ScalarAsync<long>(target, "SELECT count(*) FROM items"));
        Assert.Equal("name1", await PostgresFixture.ScalarAsync<string>(target, "SELECT name FROM items WHERE id = 1"));
        Assert.Equal("kept", await PostgresFixture.ScalarAsync<string>(target, "SELECT name FROM items WHERE id = 500"));
    }

    [Fact]
    public async Task Upsert_with_a_key_twice_in_one_batch_keeps_the_later_row()
    {
        var db = await Databases.PostgresAsync(postgres, "CREATE TABLE changes (seq int, id bigint, name text); CREATE TABLE items (id bigint PRIMARY KEY, name text)");
        await PostgresFixture.ExecuteAsync(db, "INSERT INTO changes VALUES (1, 7, 'first'), (2, 8, 'other'), (3, 7, 'second')");
        var config = new EtlConfigBuilder(EtlSource.FromQuery(db, "SELECT id, name FROM changes ORDER BY seq"), db, "items") { Mode = EtlMode.Upsert };
        config.KeyColumns.Add("id");

        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(3, result.Loaded);
        Assert.Equal("second", await PostgresFixture.ScalarAsync<string>(db, "SELECT name FROM items WHERE id = 7"));
    }

    [Fact]
    public async Task Append_inserts_every_row_and_reports_an_existing_key_as_a_row_error()
    {
        var db = await Databases.PostgresAsync(postgres, Items);
        await Databases.SeedItemsAsync(db, 10);
        await PostgresFixture.ExecuteAsync(db, "CREATE TABLE sink (id bigint PRIMARY KEY, name text NOT NULL, qty integer, price numeric(12,2), updated_at timestamptz NOT NULL)");
        await PostgresFixture.ExecuteAsync(db, "INSERT INTO sink SELECT * FROM items WHERE id = 4");

        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "sink") { Mode = EtlMode.Append, ErrorThreshold = 0.5 };
        config.KeyColumns.Add("id");
        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(9, result.Loaded);
        var error = Assert.Single(result.ErrorDetails);
        Assert.Equal("id=4", error.Key);
        Assert.Equal(EtlStage.Load, error.Stage);
        Assert.Contains("23505", error.Reason);
        Assert.Equal(10, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM sink"));
    }

    [Fact]
    public async Task Incremental_reads_only_rows_past_the_stored_watermark_and_upserts_them()
    {
        var db = await Databases.PostgresAsync(postgres, Items);
        await PostgresFixture.ExecuteAsync(db, "CREATE TABLE replica (id bigint PRIMARY KEY, name text NOT NULL, qty integer, price numeric(12,2), updated_at timestamptz NOT NULL)");
        await PostgresFixture.ExecuteAsync(db, "INSERT INTO items SELECT g, 'name' || g, g, g, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute' FROM generate_series(1, 50) g");
        var etl = EtlPipelines.CreateDatabaseSync(EtlSource.FromTable(db, "items"), db, "replica", ["id"], "updated_at", b => b.BatchSize = 20);

        var first = (await etl.RunAsync("sync")).AddsUp();
        Assert.Equal(50, first.Extracted);
        Assert.False(first.Resumed);

        // Two rows change (one with a watermark equal to an already-read one, which the key tie-breaker still finds) and one is new.
        await PostgresFixture.ExecuteAsync(db, "UPDATE items SET name = 'changed', updated_at = timestamptz '2024-02-01 00:00:00+00' WHERE id IN (3, 40)");
        await PostgresFixture.ExecuteAsync(db, "INSERT INTO items VALUES (51, 'new', 1, 1, timestamptz '2024-02-01 00:00:00+00')");

        var second = (await etl.RunAsync("sync")).AddsUp();
        Assert.True(second.Resumed);
        Assert.Equal(3, second.Extracted);
        Assert.Equal(3, second.Loaded);
        Assert.Equal(51, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM replica"));
        Assert.Equal(2, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM replica WHERE name = 'changed'"));

        var third = (await etl.RunAsync("sync")).AddsUp();
        Assert.Equal(0, third.Extracted);
    }
}
