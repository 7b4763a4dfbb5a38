using Dapper;
using FsmGen.Patterns.Etl.Testing;
using Npgsql;

namespace FsmGen.Patterns.Etl.Tests;

/// <summary>One PostgreSQL server for every test of the "postgres" collection; each test creates its own database.</summary>
public sealed class PostgresFixture : IDisposable
{
    private readonly PostgresCluster _cluster = PostgresCluster.Start("fsync=off", "synchronous_commit=off", "full_page_writes=off");

    /// <summary>Creates a database and returns its ADO.NET connection string.</summary>
    public string CreateDatabase(string prefix) => _cluster.CreateDatabase(prefix);

    /// <summary>The same database as a postgresql:// URI (over TCP), for the URI form of connection strings.</summary>
    public static string UriOf(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
    }

    public static async Task ExecuteAsync(string connectionString, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync(sql, parameters);
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("no value: " + sql);
    }

    public static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    public void Dispose() => _cluster.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
