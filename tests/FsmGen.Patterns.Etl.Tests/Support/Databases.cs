namespace FsmGen.Patterns.Etl.Tests.Support;

/// <summary>Test databases and data.</summary>
public static class Databases
{
    public static async Task<string> PostgresAsync(PostgresFixture postgres, string ddl)
    {
        var db = postgres.CreateDatabase("etl");
        await PostgresFixture.ExecuteAsync(db, ddl);
        return db;
    }

    /// <summary>Rows 1..count of items(id, name, qty, price, updated_at).</summary>
    public static Task SeedItemsAsync(string db, int count, string table = "items") => PostgresFixture.ExecuteAsync(
        db,
        $"INSERT INTO {table} (id, name, qty, price, updated_at) SELECT g, 'name' || g, g % 1000, (g % 10000) / 100.0, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second' FROM generate_series(1, {count}) g");

    /// <summary>A checksum of a table's rows in id order: count, sum of ids and the md5 of all rows as text.</summary>
    public static string ChecksumSql(string table) =>
        $"SELECT count(*) || ':' || coalesce(sum(id), 0) || ':' || coalesce(md5(string_agg(id || '|' || name || '|' || coalesce(qty::text, '') || '|' || coalesce(price::text, '') || '|' || updated_at::text, ',' ORDER BY id)), '') FROM {table}";
}
