namespace FsmGen.Patterns.Etl;

/// <summary>How a <see cref="DatabaseEtl"/> run reads its source and writes its target.</summary>
public enum EtlMode
{
    /// <summary>
    /// Replace the target's contents: a fresh run empties the target table (in the transaction of its first batch) and
    /// inserts every source row. A resumed run does not empty it again.
    /// </summary>
    FullRefresh,

    /// <summary>
    /// Only rows changed since the last committed batch of any earlier run: rows whose watermark column (with the key
    /// columns as tie-breakers) is past the stored watermark are read, and inserted or updated by key. The watermark
    /// advances only with committed batches.
    /// </summary>
    Incremental,

    /// <summary>Insert rows whose key is new and update rows whose key exists (one set-based statement per batch).</summary>
    Upsert,

    /// <summary>Insert every row; an existing key is a row error, not an update.</summary>
    Append,
}
