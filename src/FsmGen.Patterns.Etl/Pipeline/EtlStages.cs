using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// The stage functions of one run, prepared once and shared by every machine of the run: field mappings, the
/// validator, transformations, enrichment steps (with lookup tables loaded) and the row shape of the load stage.
/// </summary>
internal sealed class EtlStages
{
    private readonly EtlConfig _config;
    private readonly TargetSchema _schema;
    private readonly object _shapeLock = new();
    private RowShape? _shape;

    private EtlStages(EtlConfig config, TargetSchema schema, IReadOnlyList<object> enrichments)
    {
        _config = config;
        _schema = schema;
        Validator = config.ValidationSchema is null ? null : new EtlRecordValidator(config.ValidationSchema, config.IncludeValuesInErrors);
        Enrichments = enrichments;
        if (config.TargetColumns.Count > 0)
        {
            _shape = new RowShape(schema, ResolveColumns(config.TargetColumns, "TargetColumns"), config.KeyColumns, config.IgnoreExtraFields, config.IncludeValuesInErrors);
        }
    }

    public EtlConfig Config => _config;

    public IReadOnlyDictionary<string, string> FieldMappings => _config.FieldMappings;

    public EtlRecordValidator? Validator { get; }

    public IReadOnlyList<RecordTransformation> Transformations => _config.Transformations;

    /// <summary>Each item is a <see cref="LookupTable"/>, a <see cref="ComputedEnrichment"/> or a <see cref="FunctionEnrichment"/>.</summary>
    public IReadOnlyList<object> Enrichments { get; }

    public bool IncludeValues => _config.IncludeValuesInErrors;

    /// <summary>The loaded columns, once known (from the config, or the first record that reached the load stage).</summary>
    public RowShape? Shape => Volatile.Read(ref _shape);

    public static async Task<EtlStages> CreateAsync(EtlConfig config, TargetSchema schema, CancellationToken cancellationToken)
    {
        var enrichments = new List<object>(config.Enrichments.Count);
        foreach (var enrichment in config.Enrichments)
        {
            enrichments.Add(enrichment is LookupEnrichment lookup
                ? await LookupTable.LoadAsync(lookup, config.Target, cancellationToken).ConfigureAwait(false)
                : enrichment);
        }

        return new EtlStages(config, schema, enrichments);
    }

    /// <summary>The row shape, fixing it from <paramref name="record"/> when no record has yet; a failure when the record cannot fix it.</summary>
    public EtlFailure? ShapeFor(Record record, out RowShape? shape)
    {
        shape = Shape;
        if (shape is not null)
        {
            return null;
        }

        lock (_shapeLock)
        {
            if (_shape is not null)
            {
                shape = _shape;
                return null;
            }

            var columns = _schema.Columns.Where(c => !c.IsGenerated && record.ContainsKey(c.Name)).ToArray();
            if (columns.Length == 0)
            {
                return new EtlFailure(EtlStage.Load, null, $"no field of the record is a column of the target table {_schema.Table} (fields: {string.Join(", ", record.Keys.Take(10))})");
            }

            foreach (var key in _config.KeyColumns)
            {
                if (!columns.Any(c => c.Name == key))
                {
                    return new EtlFailure(EtlStage.Load, key, $"the record has no key field '{key}'");
                }
            }

            shape = new RowShape(_schema, columns, _config.KeyColumns, _config.IgnoreExtraFields, _config.IncludeValuesInErrors);
            Volatile.Write(ref _shape, shape);
            return null;
        }
    }

    private TargetColumn[] ResolveColumns(IReadOnlyList<string> names, string field)
    {
        var wanted = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!_schema.ByName.TryGetValue(name, out var column))
            {
                throw new EtlException($"EtlConfig.{field} names '{name}', which is not a column of the target table {_schema.Table}.");
            }

            if (column.IsGenerated)
            {
                throw new EtlException($"EtlConfig.{field} names '{name}', a generated column of {_schema.Table}, which cannot be loaded.");
            }
        }

        // Target-table order, whatever the config's order.
        return _schema.Columns.Where(c => wanted.Contains(c.Name)).ToArray();
    }
}
