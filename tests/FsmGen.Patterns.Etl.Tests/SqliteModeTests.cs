namespace FsmGen.Patterns.Etl.Tests;

/// <summary>Each mode against real SQLite database files, SQLite to SQLite.</summary>
public sealed class SqliteModeTests : IDisposable
{
    private const string Items = "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER, price REAL, updated_at TEXT NOT NULL)";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FullRefresh_replaces_the_target_rows()
    {
        var source = SeededSource(1500);
        var target = Sqlite.Create(_dir, "target.db", Items + "; INSERT INTO items VALUES (999999, 'stale', 1, 1, '2020-01-01')");

        var config = new EtlConfigBuilder(EtlSource.FromTable("sqlite:" + source, "items"), "sqlite:" + target, "items") { Mode = EtlMode.FullRefresh };
        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(1500, result.Loaded);
        Assert.Equal(2, result.CommittedBatches);
        Assert.Equal(1500, Sqlite.Scalar<long>(target, "SELECT count(*) FROM items"));
        Assert.Equal(0, Sqlite.Scalar<long>(target, "SELECT count(*) FROM items WHERE id = 999999"));
        Assert.Equal(Sqlite.Scalar<string>(source, Checksum), Sqlite.Scalar<string>(target, Checksum));
    }

    [Fact]
    public async Task Upsert_inserts_new_keys_and_updates_existing_ones()
    {
        var source = SeededSource(20);
        var target = Sqlite.Create(_dir, "target.db", Items + "; INSERT INTO items VALUES (1, 'old', 0, 0, '2020-01-01'), (100, 'kept', 0, 0, '2020-01-01')");

        var config = new EtlConfigBuilder(EtlSource.FromTable("sqlite:" + source, "items"), $"Data Source={target}", "items") { Mode = EtlMode.Upsert };
        config.KeyColumns.Add("id");
        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(20, result.Loaded);
        Assert.Equal(21, Sqlite.Scalar<long>(target, "SELECT count(*) FROM items"));
        Assert.Equal("name1", Sqlite.Scalar<string>(target, "SELECT name FROM items WHERE id = 1"));
        Assert.Equal("kept", Sqlite.Scalar<string>(target, "SELECT name FROM items WHERE id = 100"));
    }

    [Fact]
    public async Task Append_inserts_every_row_and_reports_an_existing_key_as_a_row_error()
    {
        var source = SeededSource(10);
        var target = Sqlite.Create(_dir, "target.db", Items + "; INSERT INTO items VALUES (4, 'there already', 0, 0, '2020-01-01')");

        var config = new EtlConfigBuilder(EtlSource.FromTable("sqlite:" + source, "items"), "sqlite:" + target, "items") { Mode = EtlMode.Append, ErrorThreshold = 0.5 };
        config.KeyColumns.Add("id");
        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(9, result.Loaded);
        var error = Assert.Single(result.ErrorDetails);
        Assert.Equal("id=4", error.Key);
        Assert.Contains("UNIQUE constraint failed", error.Reason);
        Assert.Equal("there already", Sqlite.Scalar<string>(target, "SELECT name FROM items WHERE id = 4"));
        Assert.Equal(10, Sqlite.Scalar<long>(target, "SELECT count(*) FROM items"));
    }

    [Fact]
    public async Task Incremental_reads_only_rows_past_the_stored_watermark()
    {
        var source = SeededSource(30);
        var target = Sqlite.Create(_dir, "target.db", Items);
        var etl = EtlPipelines.CreateDatabaseSync(EtlSource.FromTable("sqlite:" + source, "items"), "sqlite:" + target, "items", ["id"], "updated_at", b => b.BatchSize = 7);

        var first = (await etl.RunAsync()).AddsUp();
        Assert.Equal(30, first.Loaded);

        Sqlite.Execute(source, "UPDATE items SET name = 'changed', updated_at = '2025-01-01 00:00:00' WHERE id IN (2, 29)");
        Sqlite.Execute(source, "INSERT INTO items VALUES (31, 'new', 1, 1, '2025-01-01 00:00:00')");
        var second = (await etl.RunAsync()).AddsUp();

        Assert.True(second.Resumed);
        Assert.Equal(3, second.Extracted);
        Assert.Equal(31, Sqlite.Scalar<long>(target, "SELECT count(*) FROM items"));
        Assert.Equal(2, Sqlite.Scalar<long>(target, "SELECT count(*) FROM items WHERE name = 'changed'"));
        Assert.Equal(0, (await etl.RunAsync()).AddsUp().Extracted);
    }

    [Fact]
    public async Task A_checkpointed_run_stopped_by_the_error_threshold_resumes_after_its_committed_batches()
    {
        var source = SeededSource(100);
        var target = Sqlite.Create(_dir, "target.db", Items);
        var failing = true;
        var config = new EtlConfigBuilder(EtlSource.FromTable("sqlite:" + source, "items"), "sqlite:" + target, "items") { Mode = EtlMode.Append, BatchSize = 10, ErrorThreshold = 0.05 };
        config.KeyColumns.Add("id");
        config.Transform(r => failing && (long)r["id"]! > 55 ? throw new InvalidOperationException("downstream service unavailable") : r);
        var etl = new DatabaseEtl(config.Build());

        var stopped = await Assert.ThrowsAsync<EtlErrorThresholdException>(() => etl.RunAsync("resumable"));
        stopped.Result.AddsUp();
        Assert.Equal(50, stopped.Result.Loaded);
        Assert.Equal(50, Sqlite.Scalar<long>(target, "SELECT count(*) FROM items"));

        failing = false;
        var resumed = (await etl.RunAsync("resumable")).AddsUp();
        Assert.Equal(50, resumed.Extracted);
        Assert.Equal(100, Sqlite.Scalar<long>(target, "SELECT count(DISTINCT id) FROM items"));
        Assert.Equal(Sqlite.Scalar<string>(source, Checksum), Sqlite.Scalar<string>(target, Checksum));

        // Completed: the same id now starts afresh (Append would then duplicate, so the rows are counted, not loaded).
        Assert.Equal("completed", Sqlite.Scalar<string>(target, "SELECT status FROM fsmgen_etl_checkpoints WHERE checkpoint_id = 'resumable'"));
    }

    private const string Checksum = "SELECT count(*) || ':' || sum(id) || ':' || group_concat(id || '|' || name || '|' || qty || '|' || price || '|' || updated_at, ',') FROM (SELECT * FROM items ORDER BY id)";

    private string SeededSource(int rows)
    {
        var path = Sqlite.Create(_dir, "source.db", Items);
        Sqlite.Execute(path, $"""
            WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {rows})
            INSERT INTO items SELECT n, 'name' || n, n % 1000, (n % 10000) / 100.0, strftime('%Y-%m-%d %H:%M:%S', '2024-01-01', '+' || n || ' seconds') FROM g
            """);
        return path;
    }
}
