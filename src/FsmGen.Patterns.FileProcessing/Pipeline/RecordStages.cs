namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// The stage functions of one config, prepared once and shared by every machine of a run (and by parallel chunks):
/// the input parser, the validator, filters, transformations and aggregations. Each list is empty when its stage is off.
/// </summary>
internal sealed class RecordStages
{
    public RecordStages(FileProcessingConfig config)
    {
        Parser = RecordParsers.For(config);
        Validator = config.ValidationSchema is null ? null : new RecordValidator(config.ValidationSchema, config.IncludeValuesInErrors);
        Filters = config.Filters;
        Transformations = config.Transformations;
        Aggregations = config.Aggregations;
    }

    /// <summary>Turns raw input into a record, or null when the reader already did.</summary>
    public IRecordParser? Parser { get; }

    /// <summary>The validator, or null when validation is off.</summary>
    public RecordValidator? Validator { get; }

    /// <summary>The filters; all must pass.</summary>
    public IReadOnlyList<RecordFilter> Filters { get; }

    /// <summary>The transformations, in order.</summary>
    public IReadOnlyList<RecordTransformation> Transformations { get; }

    /// <summary>The per-record aggregations.</summary>
    public IReadOnlyList<RecordAggregation> Aggregations { get; }
}
