using FsmGen.Patterns.Etl.Tests.Support;

namespace FsmGen.Patterns.Etl.Tests.Typed;

/// <summary>The typed [Pattern("Etl")] route against a real PostgreSQL server, PostgreSQL to PostgreSQL, asserting the target's rows.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TypedPostgresTests(PostgresFixture postgres)
{
    private const string Customers = "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text, updated_at timestamptz NOT NULL)";
    private const string Items = "CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, qty integer, price numeric(12,2), updated_at timestamptz NOT NULL)";

    [Fact]
    public async Task Upsert_loads_typed_records_through_the_class_stages_and_updates_existing_keys()
    {
        var db = await Databases.PostgresAsync(postgres, Customers);
        await PostgresFixture.ExecuteAsync(db, """
            INSERT INTO customers
            SELECT g, '  Name ' || g || '  ', CASE WHEN g % 100 = 0 THEN 'nobody' ELSE 'User' || g || '@Example.COM' END,
                   timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second'
            FROM generate_series(1, 2500) g
            """);
        await PostgresFixture.ExecuteAsync(db, "CREATE TABLE customers_copy (id bigint PRIMARY KEY, name text NOT NULL, email text NOT NULL, updated_at timestamptz NOT NULL)");
        await PostgresFixture.ExecuteAsync(db, "INSERT INTO customers_copy VALUES (1, 'old', 'old@example.com', now()), (100, 'was valid', 'kept@example.com', now()), (99999, 'kept', 'kept@example.com', now())");

        // <typed-run>
        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "customers"), db, "customers_copy") { Mode = EtlMode.Upsert, ParallelWorkers = 2 };
        config.KeyColumns.Add("id");
        var result = await new CustomerLoad().CreateEtl(config.Build()).RunAsync();
        // </typed-run>

        result.AddsUp();
        Assert.Equal(2500, result.Extracted);
        Assert.Equal(2475, result.Loaded);
        Assert.Equal(25, result.Rejected);
        Assert.Equal(0, result.Errors);
        var rejection = result.RejectionDetails[0];
        Assert.Equal((100, "id=100", EtlStage.Validate, "email", "the email has no @"), (rejection.Position, rejection.Key, rejection.Stage, rejection.Field, rejection.Reason));

        Assert.Equal(2477, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM customers_copy"));
        Assert.Equal("Name 1|user1@example.com", await PostgresFixture.ScalarAsync<string>(db, "SELECT name || '|' || email FROM customers_copy WHERE id = 1"));
        Assert.Equal("was valid", await PostgresFixture.ScalarAsync<string>(db, "SELECT name FROM customers_copy WHERE id = 100"));
        Assert.Equal("kept", await PostgresFixture.ScalarAsync<string>(db, "SELECT name FROM customers_copy WHERE id = 99999"));
        Assert.Equal(0, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM customers_copy c JOIN customers s USING (id) WHERE s.id % 100 <> 0 AND (c.updated_at <> s.updated_at OR c.email <> lower(s.email) OR c.name <> trim(s.name))"));
    }

    [Fact]
    public async Task Append_inserts_every_typed_row_and_reports_an_existing_key_as_a_row_error()
    {
        var db = await Databases.PostgresAsync(postgres, Items);
        await Databases.SeedItemsAsync(db, 2000);
        await PostgresFixture.ExecuteAsync(db, "CREATE TABLE sink (id bigint PRIMARY KEY, name text NOT NULL, qty integer, price numeric(12,2), updated_at timestamptz NOT NULL)");
        await PostgresFixture.ExecuteAsync(db, "INSERT INTO sink SELECT * FROM items WHERE id = 1234");

        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "sink") { Mode = EtlMode.Append, BatchSize = 500 };
        config.KeyColumns.Add("id");
        var result = (await new ItemCopy().RunEtlAsync(config.Build())).AddsUp();

        Assert.Equal(1999, result.Loaded);
        Assert.Equal(4, result.CommittedBatches);
        var error = Assert.Single(result.ErrorDetails);
        Assert.Equal(("id=1234", EtlStage.Load), (error.Key, error.Stage));
        Assert.Contains("23505", error.Reason);
        Assert.Equal(
            await PostgresFixture.ScalarAsync<string>(db, Databases.ChecksumSql("items")),
            await PostgresFixture.ScalarAsync<string>(db, Databases.ChecksumSql("sink")));
    }

    [Fact]
    public async Task A_rejection_a_transform_failure_and_an_unreadable_column_are_counted_and_located()
    {
        var db = await Databases.PostgresAsync(postgres, Customers);
        await PostgresFixture.ExecuteAsync(db, """
            INSERT INTO customers VALUES
                (1, 'Ada', 'ada@example.com', '2024-01-01 00:00:00+00'),
                (2, 'Bob', 'no email here', '2024-01-02 00:00:00+00'),
                (3, '   ', 'blank@example.com', '2024-01-03 00:00:00+00'),
                (4, 'Dan', NULL, '2024-01-04 00:00:00+00'),
                (5, 'Eve', 'eve@example.com', '2024-01-05 00:00:00+00')
            """);
        await PostgresFixture.ExecuteAsync(db, "CREATE TABLE target (id bigint PRIMARY KEY, name text NOT NULL, email text NOT NULL, updated_at timestamptz NOT NULL, segment text NOT NULL)");

        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "customers"), db, "target") { Mode = EtlMode.Upsert, ErrorThreshold = 1 };
        config.KeyColumns.Add("id");
        var result = (await new StrictCustomerLoad(new Dictionary<long, string> { [5] = "vip" }).RunEtlAsync(config.Build())).AddsUp();

        Assert.Equal((5L, 2L, 1L, 2L, 0L), (result.Extracted, result.Loaded, result.Rejected, result.Errors, result.Skipped));
        Assert.Equal(2, result.Transformed);
        var rejected = Assert.Single(result.RejectionDetails);
        Assert.Equal((2, "id=2", EtlStage.Validate, "email", "validation 'HasEmail' failed"), (rejected.Position, rejected.Key, rejected.Stage, rejected.Field, rejected.Reason));

        Assert.Equal(2, result.ErrorDetails.Count);
        var transform = result.ErrorDetails[0];
        Assert.Equal((3, "id=3", EtlStage.Transform), (transform.Position, transform.Key, transform.Stage));
        Assert.Equal("transform 'RequireName' threw FormatException: the name is empty", transform.Reason);

        var unreadable = result.ErrorDetails[1];
        Assert.Equal((4, EtlStage.Extract, "email"), (unreadable.Position, unreadable.Stage, unreadable.Field));
        Assert.Equal("column 'email' (text) cannot be read into member 'Email' (string): it is NULL, and the member cannot hold null", unreadable.Reason);

        var rows = await PostgresFixture.QueryAsync<(long Id, string Segment)>(db, "SELECT id, segment FROM target ORDER BY id");
        Assert.Equal([(1L, "retail"), (5L, "vip")], rows);
    }

    [Fact]
    public async Task Members_of_other_types_than_their_columns_are_cast_by_the_server_and_a_column_that_cannot_take_them_stops_the_run_at_once()
    {
        var db = await Databases.PostgresAsync(postgres, Items);
        await Databases.SeedItemsAsync(db, 300);
        await PostgresFixture.ExecuteAsync(db, "CREATE TABLE loose (id integer PRIMARY KEY, name varchar(10) NOT NULL, qty numeric, price real, updated_at timestamp NOT NULL)");

        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "loose") { Mode = EtlMode.Upsert, BatchSize = 100, ErrorThreshold = 1 };
        config.KeyColumns.Add("id");
        var result = (await new LooseItemCopy().RunEtlAsync(config.Build())).AddsUp();

        Assert.Equal(300, result.Loaded);
        Assert.Equal(0, await PostgresFixture.ScalarAsync<long>(db, """
            SELECT count(*) FROM loose l JOIN items i USING (id)
            WHERE l.name <> i.name OR l.qty <> i.qty OR l.price <> i.price::real OR l.updated_at <> (i.updated_at AT TIME ZONE 'UTC')
            """));

        await PostgresFixture.ExecuteAsync(db, "CREATE TABLE wrong (id bigint PRIMARY KEY, name text NOT NULL, qty boolean, price numeric, updated_at timestamptz NOT NULL)");
        var wrong = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "wrong") { Mode = EtlMode.Upsert };
        wrong.KeyColumns.Add("id");
        var refused = await Assert.ThrowsAsync<EtlException>(() => new LooseItemCopy().RunEtlAsync(wrong.Build()));
        Assert.Equal("Member 'Qty' (long) of LooseItem, loaded into column 'qty' (boolean) of wrong cannot be loaded: PostgreSQL cannot convert bigint to boolean (cannot cast type bigint to boolean); change the member's or the column's type.", refused.Message);
        Assert.Equal(0, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM wrong"));
    }

    [Fact]
    public async Task A_typed_run_stopped_by_the_error_threshold_resumes_after_its_committed_batches()
    {
        var db = await Databases.PostgresAsync(postgres, Items);
        await Databases.SeedItemsAsync(db, 100);
        await PostgresFixture.ExecuteAsync(db, "CREATE TABLE sink (id bigint NOT NULL, name text NOT NULL, qty integer, price numeric(12,2), updated_at timestamptz NOT NULL)");
        var copy = new ItemCopy { Fails = item => item.Id > 55 };
        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "sink") { Mode = EtlMode.Append, BatchSize = 10, ErrorThreshold = 0.05 };
        config.KeyColumns.Add("id");
        var etl = copy.CreateEtl(config.Build());

        var stopped = await Assert.ThrowsAsync<EtlErrorThresholdException>(() => etl.RunAsync("typed"));
        stopped.Result.AddsUp();
        Assert.Equal(50, stopped.Result.Loaded);
        Assert.Equal(50, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM sink"));

        copy.Fails = _ => false;
        var resumed = (await etl.RunAsync("typed")).AddsUp();
        Assert.True(resumed.Resumed);
        Assert.Equal((50L, 50L), (resumed.Extracted, resumed.Loaded));
        Assert.Equal(100, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(DISTINCT id) FROM sink"));
        Assert.Equal(
            await PostgresFixture.ScalarAsync<string>(db, Databases.ChecksumSql("items")),
            await PostgresFixture.ScalarAsync<string>(db, Databases.ChecksumSql("sink")));
    }

    [Fact]
    public async Task A_member_without_a_column_in_the_target_stops_the_run_before_anything_is_read()
    {
        var db = await Databases.PostgresAsync(postgres, Customers);
        await PostgresFixture.ExecuteAsync(db, "CREATE TABLE narrow (id bigint PRIMARY KEY, name text NOT NULL)");
        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "customers"), db, "narrow") { Mode = EtlMode.Upsert };
        config.KeyColumns.Add("id");

        var refused = await Assert.ThrowsAsync<EtlException>(() => new CustomerLoad().RunEtlAsync(config.Build()));
        Assert.StartsWith("Member 'Email' of Customer has no column in the target table narrow", refused.Message);
    }
}
