using System.Buffers;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using FsmGen.Patterns.FileProcessing.Generated;

namespace FsmGen.Benchmarks;

/// <summary>
/// The hand-written loops the file processing benchmark compares against: CsvHelper fields by index and
/// <see cref="Utf8JsonWriter"/> into a 64 KiB buffer written to the file in blocks, on one thread, nothing allocated per row.
/// </summary>
internal static class HandWritten
{
    private const int FlushThreshold = 64 * 1024;

    // The names and encoder the typed route's generated writer uses for BenchmarkRow.
    private static readonly JsonEncodedText Id = TypedValues.Name("id");
    private static readonly JsonEncodedText Name = TypedValues.Name("name");
    private static readonly JsonEncodedText Email = TypedValues.Name("email");
    private static readonly JsonEncodedText Amount = TypedValues.Name("amount");
    private static readonly JsonEncodedText Active = TypedValues.Name("active");
    private static readonly JsonEncodedText Created = TypedValues.Name("created");
    private static readonly JsonEncodedText Category = TypedValues.Name("category");
    private static readonly JsonEncodedText Note = TypedValues.Name("note");
    private static readonly JsonEncodedText AmountCents = TypedValues.Name("amount_cents");
    private static readonly JsonWriterOptions Options = new() { Encoder = TypedValues.Encoder, SkipValidation = true };

    /// <summary>
    /// The typed route's job by hand: rows with active == true, written as <see cref="BenchmarkRow"/> would be (numbers as
    /// numbers, the date in ISO 8601, strings escaped from their UTF-8 bytes) plus amount_cents. Rows left out are not
    /// parsed further than the filter.
    /// </summary>
    /// <returns>The rows written.</returns>
    public static long WriteTypedJson(string input, string output)
    {
        using var reader = OpenCsv(input);
        using var file = CreateOutput(output);
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold * 2);
        using var json = new Utf8JsonWriter(buffer, Options);
        Span<byte> date = stackalloc byte[10];
        long written = 0;
        while (reader.Read())
        {
            if (!reader.Parse<bool>(4))
            {
                continue;
            }

            var amount = reader.Parse<decimal>(3);
            if (!TypedValues.TryParseDate(reader, 5, out var created) || !created.TryFormat(date, out var dateLength, "O", CultureInfo.InvariantCulture))
            {
                throw new FormatException($"Row {reader.RowNumber}: 'created' is not a date.");
            }

            json.WriteStartObject();
            json.WriteNumber(Id, reader.Parse<long>(0));
            json.WriteString(Name, reader.GetSpan(1));
            json.WriteString(Email, reader.GetSpan(2));
            json.WriteNumber(Amount, amount);
            json.WriteBoolean(Active, true);
            json.WriteString(Created, date[..dateLength]);
            json.WriteString(Category, reader.GetSpan(6));
            json.WriteString(Note, reader.GetSpan(7));
            json.WriteNumber(AmountCents, (long)(amount * 100));
            json.WriteEndObject();
            EndLine(json, buffer, file);
            written++;
        }

        file.Write(buffer.WrittenSpan);
        return written;
    }

    /// <summary>Rows with active == true, every field copied as a JSON string from its UTF-8 span (less work than the typed route's).</summary>
    /// <returns>The rows written.</returns>
    public static long CopyAsJsonStrings(string input, string output)
    {
        using var reader = OpenCsv(input);
        using var file = CreateOutput(output);
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold * 2);
        using var json = new Utf8JsonWriter(buffer, Options);
        long written = 0;
        while (reader.Read())
        {
            if (!reader.Parse<bool>(4))
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString("id"u8, reader.GetSpan(0));
            json.WriteString("name"u8, reader.GetSpan(1));
            json.WriteString("email"u8, reader.GetSpan(2));
            json.WriteString("amount"u8, reader.GetSpan(3));
            json.WriteString("active"u8, reader.GetSpan(4));
            json.WriteString("created"u8, reader.GetSpan(5));
            json.WriteString("category"u8, reader.GetSpan(6));
            json.WriteString("note"u8, reader.GetSpan(7));
            json.WriteNumber("amount_cents"u8, (long)(reader.Parse<double>(3) * 100));
            json.WriteEndObject();
            EndLine(json, buffer, file);
            written++;
        }

        file.Write(buffer.WrittenSpan);
        return written;
    }

    private static CsvReader OpenCsv(string input) =>
        CsvReader.Create(File.OpenRead(input), new CsvReaderOptions { Separator = ',', HasHeader = true }, leaveOpen: false);

    // Unbuffered: the loops write their own 64 KiB blocks.
    private static FileStream CreateOutput(string output) => new(output, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);

    /// <summary>Ends the JSON line and writes the buffer to the file once it holds a block.</summary>
    private static void EndLine(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, FileStream file)
    {
        json.Flush();
        json.Reset();
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        if (buffer.WrittenCount >= FlushThreshold)
        {
            file.Write(buffer.WrittenSpan);
            buffer.ResetWrittenCount();
        }
    }
}
