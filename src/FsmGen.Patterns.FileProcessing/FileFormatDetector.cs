namespace FsmGen.Patterns.FileProcessing;

/// <summary>Maps file extensions to <see cref="FileFormat"/>s, for configs that leave the format out.</summary>
public static class FileFormatDetector
{
    /// <summary>
    /// The format of <paramref name="path"/> by its extension (case-insensitive): <c>.csv</c>, <c>.tsv</c>/<c>.tab</c>,
    /// <c>.json</c>, <c>.jsonl</c>/<c>.ndjson</c>, <c>.xml</c>, <c>.parquet</c>, <c>.txt</c>, <c>.log</c>.
    /// </summary>
    /// <param name="path">A file path.</param>
    /// <param name="format">The detected format.</param>
    /// <returns>False when the extension is missing or unknown.</returns>
    public static bool TryDetect(string path, out FileFormat format)
    {
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".csv": format = FileFormat.Csv; return true;
            case ".tsv" or ".tab": format = FileFormat.Tsv; return true;
            case ".json": format = FileFormat.Json; return true;
            case ".jsonl" or ".ndjson": format = FileFormat.JsonLines; return true;
            case ".xml": format = FileFormat.Xml; return true;
            case ".parquet": format = FileFormat.Parquet; return true;
            case ".txt": format = FileFormat.Text; return true;
            case ".log": format = FileFormat.Log; return true;
            default: format = default; return false;
        }
    }

    /// <summary>The usual extension of <paramref name="format"/>, with its dot.</summary>
    /// <param name="format">A format.</param>
    /// <returns>For example <c>.jsonl</c> for <see cref="FileFormat.JsonLines"/>.</returns>
    public static string ExtensionOf(FileFormat format) => format switch
    {
        FileFormat.Csv => ".csv",
        FileFormat.Tsv => ".tsv",
        FileFormat.Json => ".json",
        FileFormat.JsonLines => ".jsonl",
        FileFormat.Xml => ".xml",
        FileFormat.Parquet => ".parquet",
        FileFormat.Text => ".txt",
        FileFormat.Log => ".log",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown file format."),
    };
}
