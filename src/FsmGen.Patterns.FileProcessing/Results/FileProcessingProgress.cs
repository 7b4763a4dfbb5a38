namespace FsmGen.Patterns.FileProcessing;

/// <summary>A progress report of a running <see cref="FileProcessor"/>.</summary>
/// <param name="FilePath">The input file.</param>
/// <param name="BytesRead">Bytes of the input read so far.</param>
/// <param name="TotalBytes">The size of the input file in bytes.</param>
/// <param name="RecordsRead">Records read and taken through the machine to an end state (written, filtered or error) so far.</param>
/// <param name="Errors">Records that ended in error so far.</param>
public readonly record struct FileProcessingProgress(
    string FilePath,
    long BytesRead,
    long TotalBytes,
    long RecordsRead,
    long Errors)
{
    /// <summary>The fraction of the input read, from 0 to 1.</summary>
    public double Fraction => TotalBytes <= 0 ? 1 : Math.Clamp((double)BytesRead / TotalBytes, 0, 1);
}
