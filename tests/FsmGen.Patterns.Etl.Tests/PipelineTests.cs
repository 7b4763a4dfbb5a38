using FsmGen.Patterns.Etl.Tests.Support;

namespace FsmGen.Patterns.Etl.Tests;

/// <summary>Batching, parallel workers, checkpoint intervals, progress, the factories and the per-record machine.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PipelineTests(PostgresFixture postgres)
{
    private const string Items = "CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, qty integer, price numeric(12,2), updated_at timestamptz NOT NULL)";

    [Fact]
    public async Task Parallel_workers_and_checkpoint_intervals_load_every_row_once_and_report_progress()
    {
        var db = await Databases.PostgresAsync(postgres, Items + "; CREATE TABLE sink (LIKE items INCLUDING ALL)");
        await Databases.SeedItemsAsync(db, 10_000);
        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "sink") { Mode = EtlMode.Upsert, BatchSize = 500, ParallelWorkers = 4, CheckpointInterval = 3 };
        config.KeyColumns.Add("id");
        config.Transform(async (r, ct) =>
        {
            await Task.Yield();
            r["name"] = ((string)r["name"]!).ToUpperInvariant();
            return r;
        });
        var reports = new List<EtlProgress>();
        var progress = new SynchronousProgress<EtlProgress>(reports.Add);

        var result = (await new DatabaseEtl(config.Build()).RunAsync("parallel", progress)).AddsUp();

        Assert.Equal(10_000, result.Loaded);
        Assert.Equal(20, result.CommittedBatches);
        Assert.Equal(7, reports.Count);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.Loaded < p.Second.Loaded));
        Assert.Equal(10_000, reports[^1].Loaded);
        Assert.Equal(10_000, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM sink WHERE name = upper(name)"));
    }

    [Fact]
    public async Task Postgres_types_round_trip_and_unusual_types_are_cast_by_the_server()
    {
        var db = await Databases.PostgresAsync(postgres, """
            CREATE TYPE mood AS ENUM ('happy', 'sad');
            CREATE TABLE src (id int PRIMARY KEY, flag boolean, small smallint, big bigint, r real, d double precision, n numeric(10,3), t varchar(20), c char(3),
                day date, at_time time, ts timestamp, tz timestamptz, u uuid, b bytea, j json, jb jsonb, m mood, addr inet);
            CREATE TABLE dst (LIKE src INCLUDING ALL);
            INSERT INTO src VALUES (1, true, 2, 3, 1.5, 2.25, 3.125, 'text', 'abc', '2024-02-29', '13:14:15', '2024-01-01 10:00', '2024-01-01 10:00+02',
                'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x0102', '{"a": 1}', '{"b": [1, 2]}', 'sad', '192.168.0.1'),
                (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            """);
        // A connection string of its own: Npgsql caches a database's types per connection string, and these were created after the first connection.
        var etlConnection = PostgresFixture.UriOf(db);
        var config = new EtlConfigBuilder(EtlSource.FromTable(etlConnection, "src"), etlConnection, "dst") { Mode = EtlMode.Upsert };
        config.KeyColumns.Add("id");

        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(2, result.Loaded);
        Assert.Equal(0L, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM (SELECT id, flag, small, big, r, d, n, t, c, day, at_time, ts, tz, u, b, jb, m, addr FROM src EXCEPT SELECT id, flag, small, big, r, d, n, t, c, day, at_time, ts, tz, u, b, jb, m, addr FROM dst) x"));
        Assert.Equal(2L, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM dst"));
        Assert.Equal(0L, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM (SELECT id, j::text FROM src EXCEPT SELECT id, j::text FROM dst) x"));
    }

    [Fact]
    public async Task A_missing_target_table_or_missing_unique_key_is_a_clear_error_before_anything_is_read()
    {
        var db = await Databases.PostgresAsync(postgres, Items + "; CREATE TABLE nokey (id bigint, name text)");
        var missing = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "Items");
        var error = await Assert.ThrowsAsync<EtlException>(() => new DatabaseEtl(missing.Build()).RunAsync());
        Assert.Contains("The target table Items does not exist", error.Message);

        var upsert = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "nokey") { Mode = EtlMode.Upsert };
        upsert.KeyColumns.Add("id");
        error = await Assert.ThrowsAsync<EtlException>(() => new DatabaseEtl(upsert.Build()).RunAsync());
        Assert.Contains("needs a primary key or unique index on exactly the key columns (id)", error.Message);
    }

    [Fact]
    public async Task A_warehouse_load_appends_every_source_and_can_be_resumed_as_a_whole()
    {
        var east = await Databases.PostgresAsync(postgres, Items);
        var west = await Databases.PostgresAsync(postgres, Items);
        await Databases.SeedItemsAsync(east, 100);
        await PostgresFixture.ExecuteAsync(west, "INSERT INTO items SELECT g, 'w' || g, 1, 1, now() FROM generate_series(101, 150) g");
        var warehouse = await Databases.PostgresAsync(postgres, "CREATE TABLE sales (id bigint, name text, qty integer, price numeric(12,2), updated_at timestamptz)");

        var pipelines = EtlPipelines.CreateDataWarehouseLoad(
            [EtlSource.FromTable(east, "items"), EtlSource.FromQuery(PostgresFixture.UriOf(west), "SELECT * FROM items")],
            PostgresFixture.UriOf(warehouse),
            "sales",
            b => b.SourceOrderColumns.Add("id"));
        var results = await EtlPipelines.RunAllAsync(pipelines, "nightly");

        Assert.All(pipelines, p => Assert.Equal(EtlMode.Append, p.Config.Mode));
        Assert.Equal([100L, 50L], results.Select(r => r.AddsUp().Loaded));
        Assert.Equal(150, await PostgresFixture.ScalarAsync<long>(warehouse, "SELECT count(DISTINCT id) FROM sales"));
    }

    [Fact]
    public void The_per_record_machine_is_generated_with_its_states_and_a_rejected_end()
    {
        var mermaid = DatabaseEtl.RecordMachineMermaid;
        foreach (var state in new[] { "Extract", "Validate", "Transform", "Enrich", "Load", "Complete", "Rejected", "Error" })
        {
            Assert.Contains(state, mermaid);
        }
    }

    /// <summary>Reports on the calling thread, so the list is complete when the run returns.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
