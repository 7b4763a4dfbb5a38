namespace FsmGen.Patterns.Etl;

/// <summary>The database engines a source or target connection can point at.</summary>
public enum DatabaseProvider
{
    /// <summary>PostgreSQL, through Npgsql.</summary>
    PostgreSql,

    /// <summary>SQLite, through Microsoft.Data.Sqlite: the embedded default that needs no server.</summary>
    Sqlite,
}
