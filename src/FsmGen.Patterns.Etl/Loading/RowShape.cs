using FsmGen.Patterns.FileProcessing;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// The loaded columns of a dictionary run, in target-table order, and how a record becomes a row of them: each value
/// converted to its column's type. A record field that is not a loaded column is an error unless the config ignores
/// extra fields, so that no value is dropped silently; a loaded column the record lacks is null.
/// </summary>
internal sealed class RowShape : LoadShape
{
    private readonly Dictionary<string, int> _index;
    private readonly TargetSchema _schema;
    private readonly bool _ignoreExtraFields;
    private readonly bool _includeValues;
    private readonly NpgsqlDbType[] _copyTypes;

    public RowShape(TargetSchema schema, IReadOnlyList<TargetColumn> columns, IReadOnlyList<string> keyColumns, bool ignoreExtraFields, bool includeValues)
        : this(schema, columns.ToArray(), keyColumns, ignoreExtraFields, includeValues)
    {
    }

    private RowShape(TargetSchema schema, TargetColumn[] columns, IReadOnlyList<string> keyColumns, bool ignoreExtraFields, bool includeValues)
        : base(columns, keyColumns.Select(k => Array.FindIndex(columns, c => c.Name == k)).ToArray())
    {
        _schema = schema;
        _index = new Dictionary<string, int>(Columns.Length, StringComparer.Ordinal);
        for (var i = 0; i < Columns.Length; i++)
        {
            _index[Columns[i].Name] = i;
        }

        _ignoreExtraFields = ignoreExtraFields;
        _includeValues = includeValues;
        _copyTypes = Columns.Select(c => PostgresLoader.DbTypeOf(c.Kind)).ToArray();
    }

    // Types Npgsql has no binary writer for here are staged as text and cast by the server.
    public override string? StagingType(int column) => Columns[column].Kind == ColumnKind.OtherAsText ? "text" : null;

    public override void WriteCopyRow(NpgsqlBinaryImporter importer, EtlRecord record)
    {
        importer.StartRow();
        var writer = new CopyRowWriter(importer, _copyTypes);
        RowBinding.Write(ref writer, ((EtlRecordContext)record).Row!, Columns);
    }

    public override void BindRow(SqliteParameterCollection parameters, EtlRecord record)
    {
        var writer = new ParameterRowWriter(parameters);
        RowBinding.Write(ref writer, ((EtlRecordContext)record).Row!, Columns);
    }

    public override RowKey KeyOf(EtlRecord record) => new(((EtlRecordContext)record).Row!, KeyIndexes);

    /// <summary>Converts the record to a row; returns why not when a value or field does not fit.</summary>
    public EtlFailure? TryStage(Record record, out object?[]? row)
    {
        var values = new object?[Columns.Length];
        row = null;
        foreach (var (field, value) in record)
        {
            if (!_index.TryGetValue(field, out var i))
            {
                if (_ignoreExtraFields)
                {
                    continue;
                }

                var why = !_schema.ByName.TryGetValue(field, out var column) ? $"is not a column of the target table {_schema.Table}"
                    : column.IsGenerated ? $"is a generated column of {_schema.Table}, which cannot be loaded"
                    : "is a target column but not one of the loaded columns (set TargetColumns to load it)";
                return new EtlFailure(EtlStage.Load, field, $"field '{field}' {why}; map, drop or rename it, or set IgnoreExtraFields");
            }

            if (ValueConversion.TryToColumn(value, Columns[i].Kind, out var converted) is { } problem)
            {
                var shown = _includeValues ? $"'{ValueConversion.ToInvariantText(value)}': " : string.Empty;
                return new EtlFailure(EtlStage.Load, field, $"field '{field}' ({Columns[i].TypeName}): {shown}{problem}");
            }

            values[i] = converted;
        }

        foreach (var k in KeyIndexes)
        {
            if (values[k] is null)
            {
                return new EtlFailure(EtlStage.Load, Columns[k].Name, $"key column '{Columns[k].Name}' has no value");
            }
        }

        row = values;
        return null;
    }

    /// <summary>The row's key as text, such as <c>id=42</c>, for error messages.</summary>
    public string? KeyText(object?[] row) => KeyIndexes.Length == 0
        ? null
        : string.Join(", ", KeyIndexes.Select(k => $"{Columns[k].Name}={ValueConversion.ToInvariantText(row[k])}"));
}
