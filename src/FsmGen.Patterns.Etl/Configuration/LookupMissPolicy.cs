namespace FsmGen.Patterns.Etl;

/// <summary>What a lookup enrichment does with a record whose key is not in the reference table.</summary>
public enum LookupMissPolicy
{
    /// <summary>Leave the record as it is: the lookup's columns are not added.</summary>
    Ignore,

    /// <summary>Add the lookup's columns with null values.</summary>
    Null,

    /// <summary>The record ends in error (stage Enrich), with the missing key in the reason.</summary>
    Error,
}
