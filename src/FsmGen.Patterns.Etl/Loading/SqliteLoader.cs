using Dapper;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// Loads SQLite: one prepared statement (<c>INSERT ... ON CONFLICT (keys) DO UPDATE</c> for Upsert and Incremental, a
/// plain <c>INSERT</c> otherwise) executed per row, all rows of a unit and its checkpoint row in one
/// <c>BEGIN IMMEDIATE</c> transaction. A refused row (constraint, datatype of a STRICT table) fails only its own
/// statement, so it is reported and the rest of the unit is loaded. The database is switched to WAL journaling with
/// <c>synchronous=NORMAL</c>, so a source reader on the same file is never blocked, and a crash loses no committed unit.
/// </summary>
internal sealed class SqliteLoader(EtlConfig config) : TargetLoader(config)
{
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private LoadShape? _preparedShape;

    private SqliteConnection Connection => _connection!;

    protected override async Task OpenCoreAsync(bool useCheckpoints, CancellationToken cancellationToken)
    {
        _connection = new SqliteConnection(Config.Target.ConnectionString);
        try
        {
            await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw new EtlException($"Cannot open the target database {Config.Target}: {e.Message}", e);
        }

        Schema = await ReadSchemaAsync(cancellationToken).ConfigureAwait(false);
        if (NeedsUniqueKey && !await HasUniqueKeyAsync(cancellationToken).ConfigureAwait(false))
        {
            throw NoUniqueKey();
        }

        if (useCheckpoints)
        {
            await ExecuteAsync(
                $"""
                CREATE TABLE IF NOT EXISTS {Config.CheckpointIdentifier.Quoted} (
                    checkpoint_id TEXT PRIMARY KEY,
                    target_table TEXT NOT NULL,
                    status TEXT NOT NULL,
                    position TEXT,
                    rows_committed INTEGER NOT NULL,
                    updated_at TEXT NOT NULL)
                """,
                cancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task<CheckpointState?> ReadCheckpointAsync(string id, CancellationToken cancellationToken)
    {
        var row = await Connection.QuerySingleOrDefaultAsync<CheckpointRow>(new CommandDefinition(
            $"SELECT target_table AS TargetTable, status AS Status, position AS Position, rows_committed AS RowsCommitted FROM {Config.CheckpointIdentifier.Quoted} WHERE checkpoint_id = @id",
            new { id },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToState(id);
    }

    public override Task PrepareAsync(LoadShape shape, CancellationToken cancellationToken)
    {
        Prepare(shape);
        return Task.CompletedTask;
    }

    public override Task<UnitOutcome> WriteUnitAsync(LoadUnit unit, LoadShape? shape, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite is synchronous underneath; the loader runs on its own task, so blocking here is fine.
        if (shape is not null)
        {
            Prepare(shape);
        }

        using var transaction = Connection.BeginTransaction(deferred: false);
        if (unit.EmptyTargetFirst)
        {
            Execute($"DELETE FROM {Config.Table.Quoted}", transaction);
        }

        var failures = new List<RowFailure>();
        if (_insert is not null)
        {
            _insert.Transaction = transaction;
            var parameters = _insert.Parameters;
            var rows = _preparedShape!;
            foreach (var batch in unit.Batches)
            {
                foreach (var record in batch)
                {
                    if (record.End != EtlRecordEnd.Staged)
                    {
                        continue;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    rows.BindRow(parameters, record);
                    try
                    {
                        _insert.ExecuteNonQuery();
                    }
                    catch (SqliteException e) when (e.SqliteErrorCode is 18 or 19 or 20 or 25)
                    {
                        // TOOBIG, CONSTRAINT, MISMATCH, RANGE: only this statement failed; the transaction goes on.
                        failures.Add(new RowFailure(record, FieldOf(e), $"the database refused the row: {e.Message}"));
                    }
                }
            }
        }

        if (!unit.Approve(failures))
        {
            transaction.Rollback();
            return Task.FromResult(new UnitOutcome(false, failures));
        }

        if (unit.Checkpoint is { } checkpoint)
        {
            using var command = Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO {Config.CheckpointIdentifier.Quoted} (checkpoint_id, target_table, status, position, rows_committed, updated_at)
                VALUES (@id, @table, 'running', @position, @rows, @now)
                ON CONFLICT (checkpoint_id) DO UPDATE SET target_table = excluded.target_table, status = excluded.status,
                    position = excluded.position, rows_committed = excluded.rows_committed, updated_at = excluded.updated_at
                """;
            command.Parameters.AddWithValue("@id", checkpoint.Id);
            command.Parameters.AddWithValue("@table", checkpoint.TargetTable);
            command.Parameters.AddWithValue("@position", (object?)checkpoint.Position?.ToJson() ?? DBNull.Value);
            command.Parameters.AddWithValue("@rows", checkpoint.RowsCommitted);
            command.Parameters.AddWithValue("@now", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.FromResult(new UnitOutcome(true, failures));
    }

    public override async Task MarkCompletedAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO {Config.CheckpointIdentifier.Quoted} (checkpoint_id, target_table, status, position, rows_committed, updated_at)
            VALUES (@id, @table, 'completed', NULL, 0, @now)
            ON CONFLICT (checkpoint_id) DO UPDATE SET status = 'completed', updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@table", Config.TargetTable);
        command.Parameters.AddWithValue("@now", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync().ConfigureAwait(false);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Prepare(LoadShape shape)
    {
        if (ReferenceEquals(shape, _preparedShape))
        {
            return;
        }

        var quoted = shape.Columns.Select(c => SqlIdentifier.QuoteColumn(c.Name, "TargetColumns")).ToArray();
        var sql = new StringBuilder($"INSERT INTO {Config.Table.Quoted} (").AppendJoin(", ", quoted).Append(") VALUES (");
        sql.AppendJoin(", ", quoted.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture))).Append(')');
        if (NeedsUniqueKey)
        {
            var keys = Config.KeyColumns.Select(k => SqlIdentifier.QuoteColumn(k, "KeyColumns")).ToArray();
            sql.Append(" ON CONFLICT (").AppendJoin(", ", keys).Append(')');
            var updated = quoted.Where(q => !keys.Contains(q)).ToArray();
            sql.Append(updated.Length == 0 ? " DO NOTHING" : " DO UPDATE SET " + string.Join(", ", updated.Select(q => $"{q} = excluded.{q}")));
        }

        _insert?.Dispose();
        _insert = Connection.CreateCommand();
        _insert.CommandText = sql.ToString();
        for (var i = 0; i < quoted.Length; i++)
        {
            _insert.Parameters.Add(new SqliteParameter("@p" + i.ToString(CultureInfo.InvariantCulture), DBNull.Value));
        }

        _insert.Prepare();
        _preparedShape = shape;
    }

    private async Task<TargetSchema> ReadSchemaAsync(CancellationToken cancellationToken)
    {
        var columns = new List<TargetColumn>();
        await using var command = Connection.CreateCommand();
        command.CommandText = Config.Table.Schema is null
            ? "SELECT name, type, hidden FROM pragma_table_xinfo(@table)"
            : "SELECT name, type, hidden FROM pragma_table_xinfo(@table, @schema)";
        command.Parameters.AddWithValue("@table", Config.Table.Name);
        command.Parameters.AddWithValue("@schema", (object?)Config.Table.Schema ?? DBNull.Value);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var declared = reader.IsDBNull(1) ? string.Empty : reader.GetString(1);
                var hidden = reader.GetInt64(2);
                columns.Add(new TargetColumn(reader.GetString(0), KindOf(declared), declared.Length == 0 ? "(untyped)" : declared, IsGenerated: hidden is 2 or 3, IsIdentityAlways: false));
            }
        }

        if (columns.Count == 0)
        {
            throw new EtlException($"The target table {Config.Table} does not exist in {Config.Target} (names are quoted, so their case matters).");
        }

        return new TargetSchema(Config.Table, columns);
    }

    private async Task<bool> HasUniqueKeyAsync(CancellationToken cancellationToken)
    {
        var keys = Config.KeyColumns.ToHashSet(StringComparer.Ordinal);
        var candidates = new List<HashSet<string>>();
        await using (var command = Connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM pragma_table_xinfo(@table) WHERE pk > 0";
            command.Parameters.AddWithValue("@table", Config.Table.Name);
            candidates.Add(await ReadNamesAsync(command, cancellationToken).ConfigureAwait(false));
        }

        var indexes = new List<string>();
        await using (var command = Connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM pragma_index_list(@table) WHERE \"unique\" = 1 AND partial = 0";
            command.Parameters.AddWithValue("@table", Config.Table.Name);
            indexes.AddRange(await ReadNamesAsync(command, cancellationToken).ConfigureAwait(false));
        }

        foreach (var index in indexes)
        {
            await using var command = Connection.CreateCommand();
            command.CommandText = "SELECT name FROM pragma_index_info(@index)";
            command.Parameters.AddWithValue("@index", index);
            candidates.Add(await ReadNamesAsync(command, cancellationToken).ConfigureAwait(false));
        }

        return candidates.Any(c => c.SetEquals(keys));
    }

    private static async Task<HashSet<string>> ReadNamesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Expression indexes have no column name.
            names.Add(reader.IsDBNull(0) ? "\0" : reader.GetString(0));
        }

        return names;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Execute(string sql, SqliteTransaction transaction)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // SQLite's type affinity rules (https://www.sqlite.org/datatype3.html), plus dates, booleans and UUIDs kept as such.
    private static ColumnKind KindOf(string declared)
    {
        var type = declared.ToUpperInvariant();
        if (type.Contains("INT", StringComparison.Ordinal))
        {
            return ColumnKind.Int64;
        }

        if (type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal)
            || type.Contains("UUID", StringComparison.Ordinal) || type.Contains("GUID", StringComparison.Ordinal))
        {
            return ColumnKind.Text;
        }

        if (type.Length == 0 || type.Contains("BLOB", StringComparison.Ordinal))
        {
            return ColumnKind.Any;
        }

        if (type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal))
        {
            return ColumnKind.Double;
        }

        if (type.Contains("BOOL", StringComparison.Ordinal))
        {
            return ColumnKind.SqliteBoolean;
        }

        return type.Contains("DATE", StringComparison.Ordinal) || type.Contains("TIME", StringComparison.Ordinal) ? ColumnKind.Timestamp : ColumnKind.Numeric;
    }

    private static string? FieldOf(SqliteException e)
    {
        // "NOT NULL constraint failed: items.name" and the like name table.column.
        var marker = e.Message.IndexOf("failed: ", StringComparison.Ordinal);
        if (marker < 0)
        {
            return null;
        }

        var rest = e.Message[(marker + "failed: ".Length)..].TrimEnd('\'', '.');
        var dot = rest.IndexOf('.');
        return dot < 0 || rest.Contains(' ', StringComparison.Ordinal) ? null : rest[(dot + 1)..].Split(',')[0];
    }
}
