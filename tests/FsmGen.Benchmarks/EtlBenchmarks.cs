using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Dapper;
using FsmGen.Patterns.Etl;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace FsmGen.Benchmarks;

/// <summary>
/// PostgreSQL -> PostgreSQL upsert of 1,000,000 rows (id, name, qty, price, updated_at) into an empty keyed table:
/// DatabaseEtl (dictionary route, and the typed route of a [Pattern("Etl")] class; batches of 10,000) against
/// hand-written Npgsql code doing the same work (binary COPY into a temp staging table + one INSERT ... ON CONFLICT DO
/// UPDATE per 10,000 rows, each batch its own transaction), and a naive Dapper loop (one upsert statement per row,
/// autocommit) run on 20,000 rows only. Every method declares its row count as OperationsPerInvoke, so Mean is the time
/// per row and the rows/s figures compare directly.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class EtlPostgresBenchmarks
{
    private const int Rows = 1_000_000;
    private const int NaiveRows = 20_000;
    private const int Batch = 10_000;
    private BenchmarkPostgres _postgres = null!;
    private string _db = null!;

    [GlobalSetup]
    public void StartServer()
    {
        _postgres = BenchmarkPostgres.Start();
        _db = _postgres.CreateDatabase("etl_bench");
        using var connection = new NpgsqlConnection(_db);
        connection.Execute($"""
            CREATE TABLE src (id bigint PRIMARY KEY, name text NOT NULL, qty integer NOT NULL, price numeric(12,2) NOT NULL, updated_at timestamptz NOT NULL);
            INSERT INTO src SELECT g, 'name' || g, g % 1000, (g % 100000) / 100.0, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second' FROM generate_series(1, {Rows}) g;
            CREATE TABLE dst (LIKE src INCLUDING ALL);
            """, commandTimeout: 600);
        connection.Execute("VACUUM ANALYZE src", commandTimeout: 600);
    }

    [IterationSetup]
    public void EmptyTarget()
    {
        using var connection = new NpgsqlConnection(_db);
        connection.Execute("TRUNCATE dst; CHECKPOINT");
    }

    [GlobalCleanup]
    public void StopServer() => _postgres.Dispose();

    /// <summary>Hand-written: read with NpgsqlDataReader, binary COPY 10,000 rows into a temp table, one upsert statement, commit.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public async Task<long> RawCopyPlusUpsertPer10k()
    {
        await using var source = new NpgsqlConnection(_db);
        await using var target = new NpgsqlConnection(_db);
        await source.OpenAsync();
        await target.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE stage (LIKE dst) ON COMMIT DELETE ROWS", target))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand("SELECT id, name, qty, price, updated_at FROM src", source);
        await using var reader = await read.ExecuteReaderAsync();
        long loaded = 0;
        var more = true;
        while (more)
        {
            await using var transaction = await target.BeginTransactionAsync();
            var inBatch = 0;
            await using (var copy = await target.BeginBinaryImportAsync("COPY stage (id, name, qty, price, updated_at) FROM STDIN (FORMAT BINARY)"))
            {
                while (inBatch < Batch && (more = await reader.ReadAsync()))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(reader.GetInt64(0), NpgsqlDbType.Bigint);
                    await copy.WriteAsync(reader.GetString(1), NpgsqlDbType.Text);
                    await copy.WriteAsync(reader.GetInt32(2), NpgsqlDbType.Integer);
                    await copy.WriteAsync(reader.GetDecimal(3), NpgsqlDbType.Numeric);
                    await copy.WriteAsync(reader.GetDateTime(4), NpgsqlDbType.TimestampTz);
                    inBatch++;
                }

                await copy.CompleteAsync();
            }

            await using (var upsert = new NpgsqlCommand(
                "INSERT INTO dst SELECT * FROM stage ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, qty = EXCLUDED.qty, price = EXCLUDED.price, updated_at = EXCLUDED.updated_at",
                target))
            {
                loaded += await upsert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return Check(loaded, Rows);
    }

    /// <summary>DatabaseEtl, Upsert mode, batches of 10,000: every row through the per-record machine as a dictionary record.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public async Task<long> DatabaseEtlUpsert()
    {
        var config = new EtlConfigBuilder(EtlSource.FromTable(_db, "src"), _db, "dst") { Mode = EtlMode.Upsert, BatchSize = Batch };
        config.KeyColumns.Add("id");
        var result = await new DatabaseEtl(config.Build()).RunAsync();
        return Check(result.Loaded, Rows);
    }

    /// <summary>
    /// DatabaseEtl's typed route, Upsert mode, batches of 10,000: the generated reader reads each row by ordinal into a
    /// record, the generated machine of <see cref="BenchItemLoad"/> takes it through its one (pass-through) transform, and
    /// the generated writer COPYs its members with their NpgsqlDbTypes.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public async Task<long> TypedEtlUpsert()
    {
        var config = new EtlConfigBuilder(EtlSource.FromTable(_db, "src"), _db, "dst") { Mode = EtlMode.Upsert, BatchSize = Batch };
        config.KeyColumns.Add("id");
        var result = await new BenchItemLoad().CreateEtl(config.Build()).RunAsync();
        return Check(result.Loaded, Rows);
    }

    /// <summary>Naive: Dapper, one INSERT ... ON CONFLICT statement per row, autocommit; 20,000 rows.</summary>
    [Benchmark(OperationsPerInvoke = NaiveRows)]
    public async Task<long> DapperUpsertPerRow()
    {
        await using var source = new NpgsqlConnection(_db);
        await using var target = new NpgsqlConnection(_db);
        long loaded = 0;
        foreach (var row in await source.QueryAsync<Item>($"SELECT id, name, qty, price, updated_at AS UpdatedAt FROM src WHERE id <= {NaiveRows}"))
        {
            loaded += await target.ExecuteAsync(
                "INSERT INTO dst (id, name, qty, price, updated_at) VALUES (@Id, @Name, @Qty, @Price, @UpdatedAt) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, qty = EXCLUDED.qty, price = EXCLUDED.price, updated_at = EXCLUDED.updated_at",
                row);
        }

        return Check(loaded, NaiveRows);
    }

    private static long Check(long loaded, long expected) =>
        loaded == expected ? loaded : throw new InvalidOperationException($"loaded {loaded} rows, expected {expected}");

    private sealed record Item(long Id, string Name, int Qty, decimal Price, DateTime UpdatedAt);
}

/// <summary>The benchmark's rows as a typed record (the columns are found by name: <c>UpdatedAt</c> is <c>updated_at</c>).</summary>
public sealed record BenchItem(long Id, string Name, int Qty, decimal Price, DateTime UpdatedAt);

/// <summary>The typed route of the ETL benchmark: one pass-through transform, so the record type is known and every stage runs.</summary>
[Pattern("Etl")]
public partial class BenchItemLoad
{
    [Transform]
    private static BenchItem Pass(BenchItem item) => item;
}

/// <summary>The SQLite benchmark's rows as a typed record (REAL price, dates kept as text).</summary>
public sealed record SqliteBenchItem(long Id, string Name, long Qty, double Price, string UpdatedAt);

/// <summary>The typed route of the SQLite benchmark: one pass-through transform.</summary>
[Pattern("Etl")]
public partial class SqliteBenchItemLoad
{
    [Transform]
    private static SqliteBenchItem Pass(SqliteBenchItem item) => item;
}

/// <summary>
/// SQLite -> SQLite upsert of 1,000,000 rows (WAL): DatabaseEtl (dictionary and typed routes) against a hand-written
/// prepared upsert with 10,000 rows per transaction, all reading the source with one streaming query. Mean is the time
/// per row.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class EtlSqliteBenchmarks
{
    private const int Rows = 1_000_000;
    private const int Batch = 10_000;
    private string _directory = null!;
    private string _source = null!;
    private string _target = null!;

    [GlobalSetup]
    public void CreateDatabases()
    {
        _directory = Directory.CreateTempSubdirectory("fsmgen-etl-bench-").FullName;
        _source = Path.Combine(_directory, "source.db");
        _target = Path.Combine(_directory, "target.db");
        const string Items = "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER NOT NULL, price REAL NOT NULL, updated_at TEXT NOT NULL)";
        using (var source = new SqliteConnection($"Data Source={_source}"))
        {
            source.Execute(Items);
            source.Execute($"""
                WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {Rows})
                INSERT INTO items SELECT n, 'name' || n, n % 1000, (n % 100000) / 100.0, strftime('%Y-%m-%d %H:%M:%S', '2024-01-01', '+' || n || ' seconds') FROM g
                """);
        }

        using var target = new SqliteConnection($"Data Source={_target}");
        target.Execute(Items + "; PRAGMA journal_mode=WAL");
    }

    [IterationSetup]
    public void EmptyTarget()
    {
        using var target = new SqliteConnection($"Data Source={_target}");
        target.Execute("DELETE FROM items; PRAGMA wal_checkpoint(TRUNCATE)");
    }

    [GlobalCleanup]
    public void DeleteDatabases()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Hand-written: one reader, one prepared upsert, a transaction per 10,000 rows.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public long RawPreparedUpsertPer10k()
    {
        using var source = new SqliteConnection($"Data Source={_source};Mode=ReadOnly");
        using var target = new SqliteConnection($"Data Source={_target}");
        source.Open();
        target.Open();
        target.Execute("PRAGMA synchronous=NORMAL");
        using var read = source.CreateCommand();
        read.CommandText = "SELECT id, name, qty, price, updated_at FROM items";
        using var reader = read.ExecuteReader();
        using var upsert = target.CreateCommand();
        upsert.CommandText = "INSERT INTO items VALUES (@id, @name, @qty, @price, @at) ON CONFLICT (id) DO UPDATE SET name = excluded.name, qty = excluded.qty, price = excluded.price, updated_at = excluded.updated_at";
        var parameters = new[] { "@id", "@name", "@qty", "@price", "@at" }.Select(n => upsert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        upsert.Prepare();
        long loaded = 0;
        SqliteTransaction? transaction = null;
        while (reader.Read())
        {
            if (loaded % Batch == 0)
            {
                transaction?.Commit();
                transaction?.Dispose();
                transaction = target.BeginTransaction(deferred: false);
                upsert.Transaction = transaction;
            }

            parameters[0].Value = reader.GetInt64(0);
            parameters[1].Value = reader.GetString(1);
            parameters[2].Value = reader.GetInt64(2);
            parameters[3].Value = reader.GetDouble(3);
            parameters[4].Value = reader.GetString(4);
            loaded += upsert.ExecuteNonQuery();
        }

        transaction?.Commit();
        transaction?.Dispose();
        return loaded == Rows ? loaded : throw new InvalidOperationException($"loaded {loaded}");
    }

    /// <summary>DatabaseEtl, Upsert mode, batches of 10,000.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public async Task<long> DatabaseEtlUpsert()
    {
        var config = new EtlConfigBuilder(EtlSource.FromTable("sqlite:" + _source, "items"), "sqlite:" + _target, "items") { Mode = EtlMode.Upsert, BatchSize = Batch };
        config.KeyColumns.Add("id");
        var result = await new DatabaseEtl(config.Build()).RunAsync();
        return result.Loaded == Rows ? result.Loaded : throw new InvalidOperationException(result.ToString());
    }

    /// <summary>DatabaseEtl's typed route (<see cref="SqliteBenchItemLoad"/>), Upsert mode, batches of 10,000.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public async Task<long> TypedEtlUpsert()
    {
        var config = new EtlConfigBuilder(EtlSource.FromTable("sqlite:" + _source, "items"), "sqlite:" + _target, "items") { Mode = EtlMode.Upsert, BatchSize = Batch };
        config.KeyColumns.Add("id");
        var result = await new SqliteBenchItemLoad().CreateEtl(config.Build()).RunAsync();
        return result.Loaded == Rows ? result.Loaded : throw new InvalidOperationException(result.ToString());
    }
}

/// <summary>
/// A private PostgreSQL 15 cluster for the benchmarks, started as tests/FsmGen.Patterns.Etl.Tests/Support/PostgresCluster.cs
/// starts the tests' one (same steps; kept here because the benchmark project references no test code), or the server
/// named by FSMGEN_TEST_PG. Default server settings (fsync on), unlike the tests' cluster.
/// </summary>
internal sealed class BenchmarkPostgres : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string? _directory;
    private readonly string _admin;

    private BenchmarkPostgres(string admin, string? directory)
    {
        _admin = admin;
        _directory = directory;
    }

    public static BenchmarkPostgres Start()
    {
        var external = Environment.GetEnvironmentVariable("FSMGEN_TEST_PG");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new BenchmarkPostgres(external, null);
        }

        if (!Directory.Exists(Bin))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({Bin} is missing): run `apt-get install -y postgresql`, or set FSMGEN_TEST_PG.");
        }

        var directory = Directory.CreateTempSubdirectory("fsmgen-pg-bench-").FullName;
        var root = Environment.UserName == "root";
        if (root)
        {
            Run("/bin/sh", "-c", "id postgres >/dev/null 2>&1 || useradd -r postgres");
            Run("chown", "postgres:postgres", directory);
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        Tool(root, "initdb", "-D", Path.Combine(directory, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync");
        Tool(root, "pg_ctl", "-D", Path.Combine(directory, "data"), "-o", $"-p {port} -k {directory} -c shared_buffers=256MB -c max_wal_size=4GB", "-l", Path.Combine(directory, "pg.log"), "-w", "start");
        return new BenchmarkPostgres(new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres" }.ConnectionString, directory);
    }

    public string CreateDatabase(string name)
    {
        name = $"{name}_{Environment.ProcessId}";
        using var connection = new NpgsqlConnection(_admin);
        connection.Execute($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(_admin) { Database = name }.ConnectionString;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (_directory is not null)
        {
            Tool(Environment.UserName == "root", "pg_ctl", "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop");
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static void Tool(bool root, string tool, params string[] arguments)
    {
        var path = Path.Combine(Bin, tool);
        if (root)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        }
    }
}
