namespace FsmGen.Patterns.FileProcessing;

/// <summary>How the processor moves records from the input file to the output file.</summary>
public enum ProcessingMode
{
    /// <summary>One record at a time, in order: memory stays constant whatever the size of the file.</summary>
    Stream,

    /// <summary>
    /// Chunks of <see cref="FileProcessingConfig.ChunkSize"/> records, <see cref="FileProcessingConfig.ParallelChunks"/> of
    /// them processed at once; the output keeps the input order. Memory grows with chunk size times parallel chunks.
    /// </summary>
    Batch,

    /// <summary>Loads every record first, then processes and writes them: for small files only.</summary>
    Whole,
}
