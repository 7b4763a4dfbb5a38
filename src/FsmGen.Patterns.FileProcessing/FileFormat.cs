namespace FsmGen.Patterns.FileProcessing;

/// <summary>The file formats the processor reads and writes. See the README for the value types each one produces.</summary>
public enum FileFormat
{
    /// <summary>Comma-separated values with a header row (RFC 4180), read and written with CsvHelper.</summary>
    Csv,

    /// <summary>Tab-separated values with a header row, read and written with CsvHelper.</summary>
    Tsv,

    /// <summary>One JSON array of objects; read as a stream, element by element, never loaded whole.</summary>
    Json,

    /// <summary>JSON Lines: one JSON object per line.</summary>
    JsonLines,

    /// <summary>XML: a root element whose child elements are the records, and whose grandchildren are the fields.</summary>
    Xml,

    /// <summary>Apache Parquet, read and written one row group at a time.</summary>
    Parquet,

    /// <summary>Plain text: every line is a record with one field, <c>line</c>.</summary>
    Text,

    /// <summary>Log lines: every non-blank line is a record; with log patterns, the named groups of the patterns become its fields.</summary>
    Log,
}
