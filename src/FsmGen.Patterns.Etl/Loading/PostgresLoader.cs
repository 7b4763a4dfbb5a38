using Dapper;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// Loads PostgreSQL: each batch goes by binary COPY (every column with its <see cref="NpgsqlDbType"/>) into a TEMP
/// staging table on the loader's one connection, then into the target with one set-based statement —
/// <c>INSERT ... SELECT ... ON CONFLICT (keys) DO UPDATE</c> for Upsert and Incremental, a plain <c>INSERT ... SELECT</c>
/// for Append and FullRefresh — in one transaction per unit together with the checkpoint row. When the database refuses
/// a row (data exception or constraint violation), the unit is rolled back and written again with each batch split in
/// halves under savepoints until the refused rows are found; they are reported and every other row is loaded.
/// </summary>
internal sealed partial class PostgresLoader(EtlConfig config) : TargetLoader(config)
{
    private const string Savepoint = "fsmgen_isolate";
    private NpgsqlConnection? _connection;
    private string? _stagingTable;
    private LoadShape? _stagedShape;
    private string _copySql = string.Empty;
    private string _mergeSql = string.Empty;

    private NpgsqlConnection Connection => _connection!;

    protected override async Task OpenCoreAsync(bool useCheckpoints, CancellationToken cancellationToken)
    {
        _connection = new NpgsqlConnection(Config.Target.ConnectionString);
        try
        {
            await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
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
            await EnsureCheckpointTableAsync(cancellationToken).ConfigureAwait(false);
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

    public override Task PrepareAsync(LoadShape shape, CancellationToken cancellationToken) => EnsureStagingAsync(shape, cancellationToken);

    public override async Task<UnitOutcome> WriteUnitAsync(LoadUnit unit, LoadShape? shape, CancellationToken cancellationToken)
    {
        if (shape is not null)
        {
            await EnsureStagingAsync(shape, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await AttemptAsync(unit, isolate: false, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (IsRowError(e))
        {
            // Some row of the unit is refused: write the unit again, finding the refused rows under savepoints.
            return await AttemptAsync(unit, isolate: true, cancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task MarkCompletedAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO {Config.CheckpointIdentifier.Quoted} (checkpoint_id, target_table, status, position, rows_committed, updated_at)
            VALUES (@id, @table, 'completed', NULL, 0, now())
            ON CONFLICT (checkpoint_id) DO UPDATE SET status = 'completed', updated_at = now()
            """,
            Connection);
        command.Parameters.AddWithValue("id", NpgsqlDbType.Text, id);
        command.Parameters.AddWithValue("table", NpgsqlDbType.Text, Config.TargetTable);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        if (_stagingTable is not null && _connection.State == System.Data.ConnectionState.Open)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP TABLE IF EXISTS pg_temp.\"{_stagingTable}\"", _connection);
                await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The session's end drops it anyway.
            }
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<UnitOutcome> AttemptAsync(LoadUnit unit, bool isolate, CancellationToken cancellationToken)
    {
        await using var transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (unit.EmptyTargetFirst)
        {
            await ExecuteAsync($"TRUNCATE {Config.Table.Quoted}", cancellationToken).ConfigureAwait(false);
        }

        var failures = new List<RowFailure>();
        foreach (var batch in unit.Batches)
        {
            var staged = Staged(batch);
            if (staged.Count == 0)
            {
                continue;
            }

            if (isolate)
            {
                await IsolateAsync(transaction, staged, failures, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await LoadRowsAsync(staged, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!unit.Approve(failures))
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new UnitOutcome(false, failures);
        }

        if (unit.Checkpoint is { } checkpoint)
        {
            await WriteCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new UnitOutcome(true, failures);
    }

    private List<EtlRecord> Staged(IReadOnlyList<EtlRecord> batch)
    {
        var staged = new List<EtlRecord>(batch.Count);
        foreach (var record in batch)
        {
            if (record.End == EtlRecordEnd.Staged)
            {
                staged.Add(record);
            }
        }

        // One upsert statement may not touch a key twice: a later row of the batch supersedes an earlier one with its key,
        // as it would if they were loaded one after the other.
        return NeedsUniqueKey && staged.Count > 1 ? KeepLastPerKey(staged) : staged;
    }

    private List<EtlRecord> KeepLastPerKey(List<EtlRecord> staged)
    {
        var shape = _stagedShape!;
        var seen = new HashSet<RowKey>(staged.Count);
        var kept = new List<EtlRecord>(staged.Count);
        for (var i = staged.Count - 1; i >= 0; i--)
        {
            if (seen.Add(shape.KeyOf(staged[i])))
            {
                kept.Add(staged[i]);
            }
        }

        if (kept.Count == staged.Count)
        {
            return staged;
        }

        kept.Reverse();
        return kept;
    }

    private async Task LoadRowsAsync(IReadOnlyList<EtlRecord> rows, CancellationToken cancellationToken)
    {
        await using (var importer = await Connection.BeginBinaryImportAsync(_copySql, cancellationToken).ConfigureAwait(false))
        {
            var shape = _stagedShape!;
            foreach (var record in rows)
            {
                shape.WriteCopyRow(importer, record);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(_mergeSql, cancellationToken).ConfigureAwait(false);
    }

    private async Task IsolateAsync(NpgsqlTransaction transaction, List<EtlRecord> rows, List<RowFailure> failures, CancellationToken cancellationToken)
    {
        await transaction.SaveAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadRowsAsync(rows, cancellationToken).ConfigureAwait(false);
            await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (PostgresException e) when (IsRowError(e))
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 1)
            {
                failures.Add(new RowFailure(rows[0], FieldOf(e), Describe(e)));
                return;
            }
        }

        var half = rows.Count / 2;
        await IsolateAsync(transaction, rows.GetRange(0, half), failures, cancellationToken).ConfigureAwait(false);
        await IsolateAsync(transaction, rows.GetRange(half, rows.Count - half), failures, cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureStagingAsync(LoadShape shape, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(shape, _stagedShape))
        {
            return;
        }

        _stagingTable ??= "fsmgen_stage_" + Guid.NewGuid().ToString("N")[..16];
        var staging = $"pg_temp.\"{_stagingTable}\"";
        var columns = shape.Columns;
        var quoted = columns.Select(c => SqlIdentifier.QuoteColumn(c.Name, "TargetColumns")).ToArray();
        var stagingTypes = columns.Select((_, i) => shape.StagingType(i)).ToArray();
        await CheckCastsAsync(shape, stagingTypes, cancellationToken).ConfigureAwait(false);

        // The staging table takes the target's own column types (so varchar(n), numeric(p,s) and the like are checked by
        // COPY), except where the rows bring values of another type (a type Npgsql has no binary writer for here, or a
        // typed record's member of another type than its column), which are staged as they come and cast by the server.
        var select = string.Join(", ", columns.Select((c, i) => stagingTypes[i] is { } type ? $"CAST(NULL AS {type}) AS {quoted[i]}" : quoted[i]));
        await ExecuteAsync(
            $"DROP TABLE IF EXISTS {staging}; CREATE TEMP TABLE \"{_stagingTable}\" ON COMMIT DELETE ROWS AS SELECT {select} FROM {Config.Table.Quoted} WITH NO DATA",
            cancellationToken).ConfigureAwait(false);

        var columnList = string.Join(", ", quoted);
        _copySql = $"COPY {staging} ({columnList}) FROM STDIN (FORMAT BINARY)";

        var values = string.Join(", ", columns.Select((c, i) => stagingTypes[i] is null ? quoted[i] : $"CAST({quoted[i]} AS {c.TypeName})"));
        var overriding = columns.Any(c => c.IsIdentityAlways) ? " OVERRIDING SYSTEM VALUE" : string.Empty;
        var merge = new StringBuilder($"INSERT INTO {Config.Table.Quoted} ({columnList}){overriding} SELECT {values} FROM {staging}");
        if (NeedsUniqueKey)
        {
            var keys = Config.KeyColumns.Select(k => SqlIdentifier.QuoteColumn(k, "KeyColumns")).ToArray();
            merge.Append(" ON CONFLICT (").AppendJoin(", ", keys).Append(')');
            var updated = quoted.Where(q => !keys.Contains(q)).ToArray();
            if (updated.Length == 0)
            {
                merge.Append(" DO NOTHING");
            }
            else
            {
                merge.Append(" DO UPDATE SET ").AppendJoin(", ", updated.Select(q => $"{q} = EXCLUDED.{q}"));
            }
        }

        // Emptied after each batch, so that the next batch of the same transaction starts from an empty staging table.
        merge.Append("; TRUNCATE ").Append(staging);
        _mergeSql = merge.ToString();
        _stagedShape = shape;
    }

    /// <summary>Checks once, before any row is read, that every column staged as another type casts to its own type.</summary>
    private async Task CheckCastsAsync(LoadShape shape, string?[] stagingTypes, CancellationToken cancellationToken)
    {
        for (var i = 0; i < stagingTypes.Length; i++)
        {
            if (stagingTypes[i] is not { } type)
            {
                continue;
            }

            var column = shape.Columns[i];
            try
            {
                await ExecuteAsync($"SELECT CAST(CAST(NULL AS {type}) AS {column.TypeName})", cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.CannotCoerce or PostgresErrorCodes.DatatypeMismatch or PostgresErrorCodes.UndefinedFunction)
            {
                throw new EtlException($"{shape.Describe(i)} of {Config.TargetTable} cannot be loaded: PostgreSQL cannot convert {type} to {column.TypeName} ({e.MessageText}); change the member's or the column's type.", e);
            }
        }
    }

    private async Task<TargetSchema> ReadSchemaAsync(CancellationToken cancellationToken)
    {
        string? schemaName = null;
        string? tableName = null;
        await using (var resolve = new NpgsqlCommand(
            "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(@name)",
            Connection))
        {
            resolve.Parameters.AddWithValue("name", NpgsqlDbType.Text, Config.Table.Quoted);
            await using var reader = await resolve.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                schemaName = reader.GetString(0);
                tableName = reader.GetString(1);
            }
        }

        if (tableName is null)
        {
            throw new EtlException($"The target table {Config.Table} does not exist in {Config.Target} (names are quoted, so their case matters).");
        }

        var columns = new List<TargetColumn>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT c.column_name::text, c.udt_name::text, c.is_generated::text, c.identity_generation::text, format_type(a.atttypid, a.atttypmod)
            FROM information_schema.columns c
            JOIN pg_catalog.pg_attribute a ON a.attrelid = to_regclass(@name) AND a.attname = c.column_name
            WHERE c.table_schema = @schema AND c.table_name = @table
            ORDER BY c.ordinal_position
            """,
            Connection))
        {
            command.Parameters.AddWithValue("name", NpgsqlDbType.Text, Config.Table.Quoted);
            command.Parameters.AddWithValue("schema", NpgsqlDbType.Text, schemaName!);
            command.Parameters.AddWithValue("table", NpgsqlDbType.Text, tableName);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                columns.Add(new TargetColumn(
                    reader.GetString(0),
                    KindOf(reader.GetString(1)),
                    reader.GetString(4),
                    IsGenerated: reader.GetString(2) == "ALWAYS",
                    IsIdentityAlways: !reader.IsDBNull(3) && reader.GetString(3) == "ALWAYS"));
            }
        }

        return new TargetSchema(Config.Table, columns);
    }

    private async Task<bool> HasUniqueKeyAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT array_agg(a.attname::text)
            FROM pg_catalog.pg_index i
            JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = to_regclass(@name) AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
            GROUP BY i.indexrelid
            """,
            Connection);
        command.Parameters.AddWithValue("name", NpgsqlDbType.Text, Config.Table.Quoted);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = Config.KeyColumns.ToHashSet(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.GetFieldValue<string[]>(0).ToHashSet(StringComparer.Ordinal).SetEquals(keys))
            {
                return true;
            }
        }

        return false;
    }

    private async Task EnsureCheckpointTableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(
                $"""
                CREATE TABLE IF NOT EXISTS {Config.CheckpointIdentifier.Quoted} (
                    checkpoint_id text PRIMARY KEY,
                    target_table text NOT NULL,
                    status text NOT NULL,
                    position text,
                    rows_committed bigint NOT NULL,
                    updated_at timestamptz NOT NULL)
                """,
                cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another run created it at the same moment.
        }
    }

    private async Task WriteCheckpointAsync(CheckpointWrite checkpoint, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO {Config.CheckpointIdentifier.Quoted} (checkpoint_id, target_table, status, position, rows_committed, updated_at)
            VALUES (@id, @table, 'running', @position, @rows, now())
            ON CONFLICT (checkpoint_id) DO UPDATE SET target_table = EXCLUDED.target_table, status = EXCLUDED.status,
                position = EXCLUDED.position, rows_committed = EXCLUDED.rows_committed, updated_at = EXCLUDED.updated_at
            """,
            Connection);
        command.Parameters.AddWithValue("id", NpgsqlDbType.Text, checkpoint.Id);
        command.Parameters.AddWithValue("table", NpgsqlDbType.Text, checkpoint.TargetTable);
        command.Parameters.AddWithValue("position", NpgsqlDbType.Text, (object?)checkpoint.Position?.ToJson() ?? DBNull.Value);
        command.Parameters.AddWithValue("rows", NpgsqlDbType.Bigint, checkpoint.RowsCommitted);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, Connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Data exceptions (22xxx), integrity violations (23xxx), cardinality (21xxx) and datatype mismatches: the row's fault,
    // not the run's. Anything else (a lost connection, a missing table) stops the run.
    private static bool IsRowError(PostgresException e) =>
        e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState.StartsWith("23", StringComparison.Ordinal)
        || e.SqlState.StartsWith("21", StringComparison.Ordinal) || e.SqlState == PostgresErrorCodes.DatatypeMismatch;

    private string Describe(PostgresException e)
    {
        var message = e.MessageText;
        if (!Config.IncludeValuesInErrors)
        {
            // Messages such as 'invalid input syntax for type integer: "abc"' quote the value.
            var quote = message.IndexOf(": \"", StringComparison.Ordinal);
            if (quote > 0)
            {
                message = message[..quote];
            }
        }
        else if (e.Detail is { Length: > 0 } detail)
        {
            message += " (" + detail + ")";
        }

        var constraint = e.ConstraintName is { Length: > 0 } name ? $", constraint {name}" : string.Empty;
        return $"the database refused the row: {e.SqlState}: {message}{constraint}";
    }

    private static string? FieldOf(PostgresException e)
    {
        if (e.ColumnName is { Length: > 0 } column)
        {
            return column;
        }

        var match = e.Where is null ? null : CopyColumn().Match(e.Where);
        return match is { Success: true } ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"column (\w+)")]
    private static partial Regex CopyColumn();

    private static ColumnKind KindOf(string udtName) => udtName switch
    {
        "bool" => ColumnKind.Boolean,
        "int2" => ColumnKind.Int16,
        "int4" => ColumnKind.Int32,
        "int8" => ColumnKind.Int64,
        "float4" => ColumnKind.Single,
        "float8" => ColumnKind.Double,
        "numeric" => ColumnKind.Decimal,
        "text" or "varchar" or "bpchar" or "name" => ColumnKind.Text,
        "date" => ColumnKind.Date,
        "time" => ColumnKind.Time,
        "timestamp" => ColumnKind.Timestamp,
        "timestamptz" => ColumnKind.TimestampTz,
        "uuid" => ColumnKind.Uuid,
        "bytea" => ColumnKind.Bytea,
        "json" => ColumnKind.Json,
        "jsonb" => ColumnKind.Jsonb,
        _ => ColumnKind.OtherAsText,
    };

    /// <summary>The <see cref="NpgsqlDbType"/> that values of a column kind are written as.</summary>
    internal static NpgsqlDbType DbTypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Boolean => NpgsqlDbType.Boolean,
        ColumnKind.Int16 => NpgsqlDbType.Smallint,
        ColumnKind.Int32 => NpgsqlDbType.Integer,
        ColumnKind.Int64 => NpgsqlDbType.Bigint,
        ColumnKind.Single => NpgsqlDbType.Real,
        ColumnKind.Double => NpgsqlDbType.Double,
        ColumnKind.Decimal => NpgsqlDbType.Numeric,
        ColumnKind.Date => NpgsqlDbType.Date,
        ColumnKind.Time => NpgsqlDbType.Time,
        ColumnKind.Timestamp => NpgsqlDbType.Timestamp,
        ColumnKind.TimestampTz => NpgsqlDbType.TimestampTz,
        ColumnKind.Uuid => NpgsqlDbType.Uuid,
        ColumnKind.Bytea => NpgsqlDbType.Bytea,
        ColumnKind.Json => NpgsqlDbType.Json,
        ColumnKind.Jsonb => NpgsqlDbType.Jsonb,
        _ => NpgsqlDbType.Text,
    };
}
