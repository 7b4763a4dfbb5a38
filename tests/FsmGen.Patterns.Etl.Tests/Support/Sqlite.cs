using Dapper;
using Microsoft.Data.Sqlite;

namespace FsmGen.Patterns.Etl.Tests;

/// <summary>Helpers over a real SQLite database file.</summary>
public static class Sqlite
{
    public static string Create(TempDirectory directory, string name, string sql)
    {
        var path = directory.File(name);
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Execute(sql);
        return path;
    }

    public static void Execute(string path, string sql, object? parameters = null)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Execute(sql, parameters);
    }

    public static T Scalar<T>(string path, string sql, object? parameters = null)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public static List<T> Query<T>(string path, string sql, object? parameters = null)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        return connection.Query<T>(sql, parameters).ToList();
    }
}
