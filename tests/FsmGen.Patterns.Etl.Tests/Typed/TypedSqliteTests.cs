namespace FsmGen.Patterns.Etl.Tests.Typed;

/// <summary>The typed [Pattern("Etl")] route against real SQLite database files, SQLite to SQLite.</summary>
public sealed class TypedSqliteTests : IDisposable
{
    private const string Items = "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER, price REAL, updated_at TEXT NOT NULL)";
    private const string Checksum = "SELECT count(*) || ':' || sum(id) || ':' || group_concat(id || '|' || name || '|' || ifnull(qty, '') || '|' || ifnull(price, '') || '|' || updated_at, ',') FROM (SELECT * FROM items ORDER BY id)";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Upsert_loads_typed_records_and_updates_existing_keys()
    {
        var source = SeededSource(1500);
        var target = Sqlite.Create(_dir, "target.db", Items + "; INSERT INTO items VALUES (1, 'old', 0, 0, '2020-01-01 00:00:00'), (99999, 'kept', 0, 0, '2020-01-01 00:00:00')");

        var config = new EtlConfigBuilder(EtlSource.FromTable("sqlite:" + source, "items"), "sqlite:" + target, "items") { Mode = EtlMode.Upsert };
        config.KeyColumns.Add("id");
        var result = (await new ItemCopy().RunEtlAsync(config.Build())).AddsUp();

        Assert.Equal((1500L, 1500L, 2L), (result.Extracted, result.Loaded, result.CommittedBatches));
        Assert.Equal(1501, Sqlite.Scalar<long>(target, "SELECT count(*) FROM items"));
        Assert.Equal("kept", Sqlite.Scalar<string>(target, "SELECT name FROM items WHERE id = 99999"));
        Sqlite.Execute(target, "DELETE FROM items WHERE id = 99999");
        Assert.Equal(Sqlite.Scalar<string>(source, Checksum), Sqlite.Scalar<string>(target, Checksum));
        Assert.Equal("real", Sqlite.Scalar<string>(target, "SELECT typeof(price) FROM items WHERE id = 7"));
    }

    [Fact]
    public async Task Append_counts_an_unreadable_value_and_an_existing_key_as_located_errors()
    {
        var source = SeededSource(10);
        Sqlite.Execute(source, "UPDATE items SET qty = 'many' WHERE id = 3; UPDATE items SET qty = NULL, price = NULL WHERE id = 5");
        var target = Sqlite.Create(_dir, "target.db", Items + "; INSERT INTO items VALUES (4, 'there already', 0, 0, '2020-01-01 00:00:00')");

        var config = new EtlConfigBuilder(EtlSource.FromTable("sqlite:" + source, "items"), "sqlite:" + target, "items") { Mode = EtlMode.Append, ErrorThreshold = 0.5 };
        config.KeyColumns.Add("id");
        var result = (await new ItemCopy().RunEtlAsync(config.Build())).AddsUp();

        Assert.Equal((10L, 8L, 2L), (result.Extracted, result.Loaded, result.Errors));
        var unreadable = result.ErrorDetails[0];
        Assert.Equal((3, EtlStage.Extract, "qty"), (unreadable.Position, unreadable.Stage, unreadable.Field));
        Assert.Equal("column 'qty' (INTEGER) cannot be read into member 'Qty' (int?): a TEXT value that is not a valid integer", unreadable.Reason);
        var duplicate = result.ErrorDetails[1];
        Assert.Equal(("id=4", EtlStage.Load), (duplicate.Key, duplicate.Stage));
        Assert.Contains("UNIQUE constraint failed", duplicate.Reason);

        Assert.Equal("there already", Sqlite.Scalar<string>(target, "SELECT name FROM items WHERE id = 4"));
        Assert.Equal(0, Sqlite.Scalar<long>(target, "SELECT count(*) FROM items WHERE id = 3"));
        Assert.Equal("null|null", Sqlite.Scalar<string>(target, "SELECT typeof(qty) || '|' || typeof(price) FROM items WHERE id = 5"));
    }

    [Fact]
    public async Task A_factory_config_runs_on_the_typed_route_incrementally()
    {
        var source = SeededSource(30);
        var target = Sqlite.Create(_dir, "target.db", Items);
        var sync = EtlPipelines.CreateDatabaseSync(EtlSource.FromTable("sqlite:" + source, "items"), "sqlite:" + target, "items", ["id"], "updated_at", b => b.BatchSize = 7);
        var etl = new ItemCopy().CreateEtl(sync.Config);

        Assert.Equal(30, (await etl.RunAsync()).AddsUp().Loaded);
        Sqlite.Execute(source, "UPDATE items SET name = 'changed', updated_at = '2025-01-01 00:00:00' WHERE id IN (2, 29)");
        var second = (await etl.RunAsync()).AddsUp();

        Assert.True(second.Resumed);
        Assert.Equal((2L, 2L), (second.Extracted, second.Loaded));
        Assert.Equal(Sqlite.Scalar<string>(source, Checksum), Sqlite.Scalar<string>(target, Checksum));
    }

    [Fact]
    public async Task A_typed_etl_refuses_a_config_with_dictionary_stages_or_a_file_source()
    {
        var source = SeededSource(1);
        var withTransform = new EtlConfigBuilder(EtlSource.FromTable("sqlite:" + source, "items"), "sqlite:" + source, "items").Transform(r => r).Build();
        var stages = Assert.Throws<ArgumentException>(() => new ItemCopy().CreateEtl(withTransform));
        Assert.Equal("EtlConfig.Transformations must be empty for a typed [Pattern(\"Etl\")] ETL of Item: its stages are the [Validate], [Transform] and [Enrich] methods of the class. (Parameter 'Transformations')", stages.Message);

        var file = new EtlConfigBuilder(EtlSource.FromFile(_dir.File("items.csv")), "sqlite:" + source, "items").Build();
        Assert.StartsWith("EtlConfig.Source must be a database source", Assert.Throws<ArgumentException>(() => new ItemCopy().CreateEtl(file)).Message);
        await Task.CompletedTask;
    }

    [Fact]
    public void The_generated_machine_runs_one_record_through_the_class_stages()
    {
        var machine = new CustomerLoad();
        var valid = machine.Run(new EtlRecord<Customer>(new Customer(1, " Ada ", "ADA@Example.com", DateTime.UnixEpoch)));
        Assert.Equal(CustomerLoad.StateId.Complete, valid.FinalState);
        Assert.Equal(new Customer(1, "Ada", "ada@example.com", DateTime.UnixEpoch), valid.Data.Value);
        Assert.True(valid.Data.IsStaged);

        var rejected = machine.Run(new EtlRecord<Customer>(new Customer(2, "Bob", "nobody", DateTime.UnixEpoch)));
        Assert.Equal(CustomerLoad.StateId.Rejected, rejected.FinalState);
        Assert.Equal((true, EtlStage.Validate, "the email has no @"), (rejected.Data.IsRejected, rejected.Data.FailedStage, rejected.Data.FailureReason));
        Assert.Contains("Extract --> Validate", CustomerLoad.Mermaid);
    }

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
