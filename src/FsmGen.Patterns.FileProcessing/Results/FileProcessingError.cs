using System.Globalization;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>Where a record failed and why. Messages leave field values out unless <see cref="FileProcessingConfig.IncludeValuesInErrors"/> is set.</summary>
/// <param name="FilePath">The input file.</param>
/// <param name="LineNumber">The 1-based line where the record starts, or 0 for formats without lines (Parquet).</param>
/// <param name="RecordNumber">The 1-based position of the record among the records read from the file.</param>
/// <param name="ByteOffset">The offset in bytes of the input where the record (or the problem) starts, or -1 when unknown.</param>
/// <param name="Stage">The stage that failed.</param>
/// <param name="Field">The field at fault, when one is.</param>
/// <param name="Reason">What went wrong.</param>
public sealed record FileProcessingError(
    string FilePath,
    long LineNumber,
    long RecordNumber,
    long ByteOffset,
    ProcessingStage Stage,
    string? Field,
    string Reason)
{
    /// <summary>Describes the error as <c>file:line (record n) stage: reason</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var where = LineNumber > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{FilePath}:{LineNumber} (record {RecordNumber})")
            : string.Create(CultureInfo.InvariantCulture, $"{FilePath} record {RecordNumber}");
        return $"{where} {Stage}: {Reason}";
    }
}
