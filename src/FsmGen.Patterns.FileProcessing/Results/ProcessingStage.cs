namespace FsmGen.Patterns.FileProcessing;

/// <summary>The stage of the per-record machine where a record failed.</summary>
public enum ProcessingStage
{
    /// <summary>The input could not be read as a record (malformed CSV, truncated JSON, invalid UTF-8, a record larger than the limit).</summary>
    Read,

    /// <summary>The record's text could not be parsed (a JSON line that is not an object, a log line no pattern matches).</summary>
    Parse,

    /// <summary>The record broke the validation schema.</summary>
    Validate,

    /// <summary>A filter threw.</summary>
    Filter,

    /// <summary>A transformation threw or returned null.</summary>
    Transform,

    /// <summary>An aggregation threw.</summary>
    Aggregate,

    /// <summary>The record could not be written in the output format (a field outside the CSV header or the Parquet schema).</summary>
    Write,
}
