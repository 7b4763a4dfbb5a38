using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FsmGen.Patterns.Etl.Testing;

/// <summary>
/// A PostgreSQL server for tests and benchmarks: the one named by the FSMGEN_TEST_PG connection string, or else a
/// private PostgreSQL 15 cluster started in a temporary directory on a free port (as the <c>postgres</c> user when run
/// as root, since the server refuses to run as root) and stopped and deleted by <see cref="Dispose"/>.
/// Shared by FsmGen.Patterns.Etl.Tests and FsmGen.Benchmarks (linked source).
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    public const string EnvironmentVariable = "FSMGEN_TEST_PG";

    private readonly string? _directory;
    private int _databases;

    private PostgresCluster(string adminConnectionString, string? directory, int port)
    {
        AdminConnectionString = adminConnectionString;
        _directory = directory;
        Port = port;
    }

    /// <summary>A connection string to the <c>postgres</c> database as a superuser.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The TCP port of a private cluster (0 for an external server).</summary>
    public int Port { get; }

    /// <summary>Connects to FSMGEN_TEST_PG, or starts a private cluster.</summary>
    /// <param name="serverOptions">Extra <c>-c name=value</c> settings for a private cluster.</param>
    /// <exception cref="InvalidOperationException">PostgreSQL 15 is not installed; the message says how to install it.</exception>
    public static PostgresCluster Start(params string[] serverOptions)
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresCluster(external, null, 0);
        }

        if (!Directory.Exists(BinDirectory))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 is not installed ({BinDirectory} is missing). Install it with `apt-get install -y postgresql` " +
                $"(as root), or set {EnvironmentVariable} to the connection string of a server the tests may create databases on.");
        }

        var directory = Directory.CreateTempSubdirectory("fsmgen-pg-").FullName;
        var asRoot = Environment.UserName == "root";
        try
        {
            if (asRoot)
            {
                Run("/bin/sh", "-c", "id postgres >/dev/null 2>&1 || useradd -r postgres");
                Run("chown", "postgres:postgres", directory);
            }

            RunServerTool(asRoot, "initdb", "-D", Path.Combine(directory, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync");
            var port = FreePort();
            var options = $"-p {port} -k {directory} " + string.Join(' ', serverOptions.Select(o => "-c " + o));
            RunServerTool(asRoot, "pg_ctl", "-D", Path.Combine(directory, "data"), "-o", options, "-l", Path.Combine(directory, "pg.log"), "-w", "-t", "60", "start");
            var admin = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = true }.ConnectionString;
            return new PostgresCluster(admin, directory, port);
        }
        catch (Exception e)
        {
            var log = Path.Combine(directory, "pg.log");
            var tail = File.Exists(log) ? Environment.NewLine + "pg.log: " + File.ReadAllText(log) : string.Empty;
            TryDelete(directory);
            throw new InvalidOperationException($"Starting a private PostgreSQL cluster failed: {e.Message}{tail}", e);
        }
    }

    /// <summary>Creates an empty database and returns an ADO.NET connection string to it.</summary>
    public string CreateDatabase(string prefix)
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}".ToLowerInvariant();
        using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (_directory is null)
        {
            return;
        }

        try
        {
            RunServerTool(Environment.UserName == "root", "pg_ctl", "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        TryDelete(_directory);
    }

    private static void RunServerTool(bool asRoot, string tool, params string[] arguments)
    {
        var path = Path.Combine(BinDirectory, tool);
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} did not finish within 120 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left in the temp directory.
        }
    }
}
