namespace FsmGen.Patterns.Etl;

/// <summary>The stage of the per-record machine where a record failed.</summary>
public enum EtlStage
{
    /// <summary>Reading the record from the source (a malformed file record, or a field mapping that cannot apply).</summary>
    Extract,

    /// <summary>The validation schema rejected the record.</summary>
    Validate,

    /// <summary>A transformation threw or returned null.</summary>
    Transform,

    /// <summary>An enrichment step threw, returned null, or missed a lookup with <see cref="LookupMissPolicy.Error"/>.</summary>
    Enrich,

    /// <summary>A value did not convert to its target column's type, or the database refused the row.</summary>
    Load,
}
