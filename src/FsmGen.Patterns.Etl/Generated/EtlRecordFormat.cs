using System.ComponentModel;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FsmGen.Patterns.Etl.Generated;

/// <summary>
/// The reader and writers of one record type that <c>[Pattern("Etl")]</c> generates: a source row, by column ordinal
/// (resolved once per query from the reader's column names), into the record; and the record into a PostgreSQL binary
/// COPY row (each member written with its <c>NpgsqlDbType</c>, chosen at compile time) or into the parameters of a
/// prepared SQLite statement. No reflection and no dictionary per record. Derived from by generated code only.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class EtlRecordFormat<TRecord>
{
    /// <summary>Creates the format of a record type with the given members, in the order of their index.</summary>
    /// <param name="members">The members read and loaded, constructor parameters first.</param>
    protected EtlRecordFormat(EtlMember[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members = members;
    }

    /// <summary>The members read and loaded; the generated code refers to them by index, and rows are written in this order.</summary>
    public IReadOnlyList<EtlMember> Members { get; }

    /// <summary>Reads the current source row into a record.</summary>
    /// <param name="row">The row, with the column of each member.</param>
    /// <param name="record">The record; undefined when a value cannot be read.</param>
    /// <returns>False when a column's value cannot be read into its member (<paramref name="row"/> then holds why).</returns>
    public abstract bool TryRead(EtlSourceRow row, out TRecord record);

    /// <summary>Writes the members of <paramref name="record"/> as the values of one binary COPY row (already started), in member order.</summary>
    /// <param name="writer">The COPY importer.</param>
    /// <param name="record">The record.</param>
    /// <param name="columns">How the run's target columns take date/time values.</param>
    public abstract void WriteCopy(NpgsqlBinaryImporter writer, TRecord record, EtlCopyColumns columns);

    /// <summary>Sets the prepared statement's parameters, one per member in member order, to the members of <paramref name="record"/>.</summary>
    /// <param name="parameters">The statement's parameters.</param>
    /// <param name="record">The record.</param>
    public abstract void WriteParameters(SqliteParameterCollection parameters, TRecord record);

    /// <summary>The value of one member (boxed), for keys and messages.</summary>
    /// <param name="record">The record.</param>
    /// <param name="member">The member's index.</param>
    /// <returns>The value.</returns>
    public abstract object? GetValue(TRecord record, int member);
}
