using FsmGen.Patterns.Etl.Generated;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// The loaded columns of a typed run: one per member of the record type, in member order, found in the target table
/// when the run starts. Rows are written by the generated format. For PostgreSQL, a member whose CLR type is not its
/// column's (a <c>long</c> into <c>integer</c>, a <c>string</c> into <c>jsonb</c> or an enum type) is staged as its own
/// type and cast by the set-based statement; the loader checks once, before anything is read, that the cast exists.
/// </summary>
internal sealed class TypedRowShape<TRecord> : LoadShape
{
    private readonly EtlRecordFormat<TRecord> _format;
    private readonly EtlCopyColumns _copy;
    private readonly string?[] _stagingTypes;
    private readonly int[] _keyPositions;
    private readonly string _recordName;

    private TypedRowShape(EtlRecordFormat<TRecord> format, TargetColumn[] columns, int[] keyIndexes, bool[] withTimeZone, string?[] stagingTypes)
        : base(columns, keyIndexes)
    {
        _format = format;
        _copy = new EtlCopyColumns(withTimeZone);
        _stagingTypes = stagingTypes;
        _keyPositions = Enumerable.Range(0, keyIndexes.Length).ToArray();
        _recordName = typeof(TRecord).Name;
    }

    /// <summary>Finds the column of every member in the target table and checks the key columns.</summary>
    /// <exception cref="EtlException">A member has no column, or its column cannot be loaded, or a key column is not a member's.</exception>
    public static TypedRowShape<TRecord> Create(EtlRecordFormat<TRecord> format, EtlConfig config, TargetSchema schema)
    {
        var members = format.Members;
        var record = typeof(TRecord).Name;
        var names = schema.Columns.Select(c => c.Name).ToArray();
        var columns = new TargetColumn[members.Count];
        var withTimeZone = new bool[members.Count];
        var stagingTypes = new string?[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var what = $"Member '{member.Name}' of {record}";
            var index = ColumnNames.Find(member.Column, names, $"the target table {schema.Table}", what);
            if (index < 0)
            {
                throw new EtlException($"{what} has no column in the target table {schema.Table} (looked for '{member.Column}', case and underscores ignored); add the column, or name it with [Column(\"...\")].");
            }

            var column = schema.Columns[index];
            if (column.IsGenerated)
            {
                throw new EtlException($"{what} maps to '{column.Name}', a generated column of {schema.Table}, which cannot be loaded.");
            }

            var duplicate = Array.FindIndex(columns, 0, i, c => c == column);
            if (duplicate >= 0)
            {
                throw new EtlException($"{what} and member '{members[duplicate].Name}' both map to the column '{column.Name}' of {schema.Table}; name their columns with [Column(\"...\")].");
            }

            columns[i] = column;
            withTimeZone[i] = column.Kind == ColumnKind.TimestampTz || (member.Kind == EtlValueKind.DateTimeOffset && column.Kind != ColumnKind.Timestamp);
            if (config.TargetProvider == DatabaseProvider.PostgreSql)
            {
                var (type, name) = PostgresTypeOf(member.Kind, withTimeZone[i]);
                stagingTypes[i] = column.Kind != ColumnKind.OtherAsText && PostgresLoader.DbTypeOf(column.Kind) == type ? null : name;
            }
        }

        var keyIndexes = new int[config.KeyColumns.Count];
        for (var k = 0; k < keyIndexes.Length; k++)
        {
            var key = config.KeyColumns[k];
            keyIndexes[k] = Array.FindIndex(columns, c => c.Name == key);
            if (keyIndexes[k] < 0)
            {
                throw new EtlException($"EtlConfig.KeyColumns names '{key}', but no member of {record} is loaded into that column (loaded: {string.Join(", ", columns.Select(c => c.Name))}).");
            }
        }

        return new TypedRowShape<TRecord>(format, columns, keyIndexes, withTimeZone, stagingTypes);
    }

    public override string? StagingType(int column) => _stagingTypes[column];

    public override string Describe(int column)
    {
        var member = _format.Members[column];
        return $"Member '{member.Name}' ({member.TypeName}) of {_recordName}, loaded into column '{Columns[column].Name}' ({Columns[column].TypeName})";
    }

    public override void WriteCopyRow(NpgsqlBinaryImporter importer, EtlRecord record)
    {
        importer.StartRow();
        _format.WriteCopy(importer, ((EtlRecord<TRecord>)record).Value, _copy);
    }

    public override void BindRow(SqliteParameterCollection parameters, EtlRecord record) =>
        _format.WriteParameters(parameters, ((EtlRecord<TRecord>)record).Value);

    public override RowKey KeyOf(EtlRecord record)
    {
        var value = ((EtlRecord<TRecord>)record).Value;
        var keys = new object?[KeyIndexes.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = _format.GetValue(value, KeyIndexes[k]);
        }

        return new RowKey(keys, _keyPositions);
    }

    /// <summary>The record's key as text (<c>id=42</c>), or null when the run has no key columns.</summary>
    public string? KeyText(TRecord value)
    {
        if (KeyIndexes.Length == 0 || value is null)
        {
            return null;
        }

        return string.Join(", ", KeyIndexes.Select(k => $"{Columns[k].Name}={ValueConversion.ToInvariantText(_format.GetValue(value, k))}"));
    }

    /// <summary>Why a record cannot be loaded (a key member without a value), or null.</summary>
    public EtlFailure? CheckKeys(TRecord value)
    {
        if (value is null)
        {
            return new EtlFailure(EtlStage.Load, null, "the record is null");
        }

        foreach (var k in KeyIndexes)
        {
            if (_format.GetValue(value, k) is null)
            {
                return new EtlFailure(EtlStage.Load, Columns[k].Name, $"key column '{Columns[k].Name}' has no value (member '{_format.Members[k].Name}' is null)");
            }
        }

        return null;
    }

    private static (NpgsqlDbType Type, string Name) PostgresTypeOf(EtlValueKind kind, bool withTimeZone) => kind switch
    {
        EtlValueKind.Int64 => (NpgsqlDbType.Bigint, "bigint"),
        EtlValueKind.Int32 => (NpgsqlDbType.Integer, "integer"),
        EtlValueKind.Int16 => (NpgsqlDbType.Smallint, "smallint"),
        EtlValueKind.Decimal => (NpgsqlDbType.Numeric, "numeric"),
        EtlValueKind.Double => (NpgsqlDbType.Double, "double precision"),
        EtlValueKind.Single => (NpgsqlDbType.Real, "real"),
        EtlValueKind.Boolean => (NpgsqlDbType.Boolean, "boolean"),
        EtlValueKind.Guid => (NpgsqlDbType.Uuid, "uuid"),
        EtlValueKind.Bytes => (NpgsqlDbType.Bytea, "bytea"),
        EtlValueKind.DateTime or EtlValueKind.DateTimeOffset => withTimeZone
            ? (NpgsqlDbType.TimestampTz, "timestamp with time zone")
            : (NpgsqlDbType.Timestamp, "timestamp without time zone"),
        _ => (NpgsqlDbType.Text, "text"),
    };
}
