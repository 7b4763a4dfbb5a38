using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>Where a <see cref="DatabaseEtl"/> reads its records: a query or table of a database, or a file.</summary>
public sealed class EtlSource
{
    private EtlSource(EtlConnection? connection, string? connectionText, string? query, string? table, string? filePath, FileFormat? fileFormat)
    {
        Connection = connection;
        ConnectionString = connectionText;
        SourceQuery = query;
        Table = table;
        FilePath = filePath;
        FileFormat = fileFormat;
    }

    /// <summary>The source connection string as given, or null for a file source.</summary>
    public string? ConnectionString { get; }

    /// <summary>The provider of a database source, or null for a file source.</summary>
    public DatabaseProvider? Provider => Connection?.Provider;

    /// <summary>The SELECT statement of a database source (for a table source, <c>SELECT * FROM "table"</c>), or null for a file source.</summary>
    public string? SourceQuery { get; }

    /// <summary>The table of a source created by <see cref="FromTable"/>, or null.</summary>
    public string? Table { get; }

    /// <summary>The input file of a file source, or null.</summary>
    public string? FilePath { get; }

    /// <summary>The format of a file source, or null.</summary>
    public FileFormat? FileFormat { get; }

    /// <summary>Whether this is a file source.</summary>
    public bool IsFile => FilePath is not null;

    internal EtlConnection? Connection { get; }

    /// <summary>Reads the rows of a SELECT statement (seed option <c>source_query</c>).</summary>
    /// <param name="connection"><c>postgresql://user:pass@host:port/db</c>, <c>sqlite:path.db</c> or an ADO.NET connection string.</param>
    /// <param name="query">
    /// One SELECT statement (a trailing semicolon is dropped). It is trusted SQL, run as a subquery:
    /// <c>SELECT * FROM (query) AS src</c>, to which the run adds its resume condition and order.
    /// </param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException">The connection string or query is empty or malformed; the message names the field.</exception>
    public static EtlSource FromQuery(string connection, string query)
    {
        var parsed = EtlConnection.Parse(connection, "Source.Connection", readOnly: true);
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new ArgumentException("Source.Query must not be empty.", nameof(query));
        }

        var trimmed = query.Trim().TrimEnd(';').TrimEnd();
        return new EtlSource(parsed, connection, trimmed, null, null, null);
    }

    /// <summary>Reads every row of a table.</summary>
    /// <param name="connection"><c>postgresql://user:pass@host:port/db</c>, <c>sqlite:path.db</c> or an ADO.NET connection string.</param>
    /// <param name="table">The table, <c>name</c> or <c>schema.name</c>: letters, digits and underscores; written double-quoted.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException">The connection string or table name is invalid; the message names the field.</exception>
    public static EtlSource FromTable(string connection, string table)
    {
        var parsed = EtlConnection.Parse(connection, "Source.Connection", readOnly: true);
        var identifier = SqlIdentifier.ParseTable(table, "Source.Table");
        return new EtlSource(parsed, connection, "SELECT * FROM " + identifier.Quoted, table, null, null);
    }

    /// <summary>Reads the records of a JSON (array), JSON Lines or CSV/TSV file with the file processing pattern's readers.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">The format, or null to detect it from the extension (<c>.json</c>, <c>.jsonl</c>, <c>.ndjson</c>, <c>.csv</c>, <c>.tsv</c>).</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException">The path is empty, or the format is unknown or not one of these; the message names the field.</exception>
    public static EtlSource FromFile(string path, FileFormat? format = null)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("Source.FilePath must not be empty.", nameof(path));
        }

        if (format is null)
        {
            if (!FileFormatDetector.TryDetect(path, out var detected))
            {
                throw new ArgumentException($"Source.FileFormat cannot be detected from '{Path.GetFileName(path)}': give the format.", nameof(format));
            }

            format = detected;
        }

        if (format is not (FileProcessing.FileFormat.Json or FileProcessing.FileFormat.JsonLines or FileProcessing.FileFormat.Csv or FileProcessing.FileFormat.Tsv))
        {
            throw new ArgumentException($"Source.FileFormat {format} is not an ETL source format: use Json, JsonLines, Csv or Tsv.", nameof(format));
        }

        return new EtlSource(null, null, null, null, path, format);
    }

    /// <inheritdoc />
    public override string ToString() => IsFile ? $"{FileFormat} file {FilePath}" : $"{Connection} ({SourceQuery})";
}
