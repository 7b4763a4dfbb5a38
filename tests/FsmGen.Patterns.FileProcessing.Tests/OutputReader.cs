using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using CsvHelper;
using Parquet;
using Parquet.Schema;

namespace FsmGen.Patterns.FileProcessing.Tests;

/// <summary>
/// Reads output files with the formats' own libraries (not the processor), so that round-trip assertions check the
/// files themselves. Values come back as invariant text (null stays null).
/// </summary>
internal static class OutputReader
{
    public static async Task<List<Dictionary<string, string?>>> ReadAsync(string path, FileFormat format) => format switch
    {
        FileFormat.Csv => ReadCsv(path, ','),
        FileFormat.Tsv => ReadCsv(path, '\t'),
        FileFormat.JsonLines => File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => FromJson(JsonDocument.Parse(l).RootElement)).ToList(),
        FileFormat.Json => JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray().Select(FromJson).ToList(),
        FileFormat.Xml => ReadXml(path),
        FileFormat.Parquet => await ReadParquetAsync(path),
        _ => throw new NotSupportedException(format.ToString()),
    };

    public static List<JsonElement> ReadJsonLines(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static List<Dictionary<string, string?>> ReadCsv(string path, char separator)
    {
        var rows = new List<Dictionary<string, string?>>();
        using var reader = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions { Separator = separator, HasHeader = true }, leaveOpen: false);
        while (reader.Read())
        {
            var row = new Dictionary<string, string?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.Headers[i]] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static Dictionary<string, string?> FromJson(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => p.Value.GetString(),
            _ => p.Value.GetRawText(),
        });

    private static List<Dictionary<string, string?>> ReadXml(string path)
    {
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        return XDocument.Load(path).Root!.Elements()
            .Select(record => record.Elements().ToDictionary(
                field => field.Name.LocalName,
                field => (string?)field.Attribute(xsi + "nil") == "true" ? null : field.Value))
            .ToList();
    }

    private static async Task<List<Dictionary<string, string?>>> ReadParquetAsync(string path)
    {
        var rows = new List<Dictionary<string, string?>>();
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var columns = new List<object?[]>();
            foreach (var field in fields)
            {
                columns.Add(await ReadColumnAsync(group, field, count));
            }

            for (var r = 0; r < count; r++)
            {
                rows.Add(fields.Select((f, c) => (f.Name, Text: Text(columns[c][r]))).ToDictionary(p => p.Name, p => p.Text));
            }
        }

        return rows;
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[count];
            await group.ReadAsync(field, values.AsMemory());
            return values;
        }

        if (field.ClrType == typeof(long))
        {
            var values = new long?[count];
            await group.ReadAsync(field, values.AsMemory());
            return values.Cast<object?>().ToArray();
        }

        if (field.ClrType == typeof(decimal))
        {
            var values = new decimal?[count];
            await group.ReadAsync(field, values.AsMemory());
            return values.Cast<object?>().ToArray();
        }

        if (field.ClrType == typeof(double))
        {
            var values = new double?[count];
            await group.ReadAsync(field, values.AsMemory());
            return values.Cast<object?>().ToArray();
        }

        if (field.ClrType == typeof(bool))
        {
            var values = new bool?[count];
            await group.ReadAsync(field, values.AsMemory());
            return values.Cast<object?>().ToArray();
        }

        throw new NotSupportedException(field.ClrType.Name);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
