using System.ComponentModel;
using System.Text.Json;
using CsvHelper;

namespace FsmGen.Patterns.FileProcessing.Generated;

/// <summary>
/// The reader and writers of one record type that <c>[Pattern("FileProcessing")]</c> generates: a CSV row by column
/// index (resolved once per file from the header) into the record, and the record into JSON through
/// <see cref="Utf8JsonWriter"/> or into CSV through <see cref="CsvWriter"/>, with no reflection per record. Derived from
/// by generated code only.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class TypedRecordFormat<TRecord>
{
    /// <summary>Creates the format of a record type with the given members, in the order of their index.</summary>
    /// <param name="members">The members read and written, in declaration order.</param>
    protected TypedRecordFormat(TypedMember[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members = members;
        ColumnNames = Array.ConvertAll(members, m => m.Column);
    }

    /// <summary>The members read and written; the generated code refers to them by index.</summary>
    public IReadOnlyList<TypedMember> Members { get; }

    /// <summary>The CSV header that <see cref="WriteCsv"/> writes the fields of.</summary>
    internal string[] ColumnNames { get; }

    /// <summary>Reads the current row into a record.</summary>
    /// <param name="row">The row, with the column of each member.</param>
    /// <param name="record">The record; undefined when the row does not convert.</param>
    /// <returns>False when a field does not convert into its member's type (<paramref name="row"/> then holds why).</returns>
    public abstract bool TryRead(TypedCsvRow row, out TRecord record);

    /// <summary>Writes <paramref name="record"/> as one JSON object.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="record">The record.</param>
    public abstract void WriteJson(Utf8JsonWriter writer, TRecord record);

    /// <summary>Writes the fields of <paramref name="record"/>, in the order of <see cref="Members"/>, without ending the record.</summary>
    /// <param name="writer">The CSV writer.</param>
    /// <param name="record">The record.</param>
    public abstract void WriteCsv(CsvWriter writer, TRecord record);
}
