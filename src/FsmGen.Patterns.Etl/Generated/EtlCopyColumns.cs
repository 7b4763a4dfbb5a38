using System.ComponentModel;
using Npgsql;
using NpgsqlTypes;

namespace FsmGen.Patterns.Etl.Generated;

/// <summary>
/// What the generated COPY writer of a <c>[Pattern("Etl")]</c> class learns about the target columns when a run starts:
/// whether each date/time member's column is <c>timestamptz</c> or <c>timestamp</c>. Every other member is written with
/// the <see cref="NpgsqlDbType"/> of its CLR type, chosen at compile time. Used by generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EtlCopyColumns
{
    private readonly bool[] _withTimeZone;

    internal EtlCopyColumns(bool[] withTimeZone) => _withTimeZone = withTimeZone;

    /// <summary>
    /// Writes a <see cref="DateTime"/> member: as <c>timestamptz</c> (a UTC instant; a value without a kind is taken as
    /// UTC, a local one converted) or as <c>timestamp</c> (the wall-clock value), as the run's target column is.
    /// </summary>
    /// <param name="writer">The COPY importer.</param>
    /// <param name="member">The member's index.</param>
    /// <param name="value">The value.</param>
    public void WriteDateTime(NpgsqlBinaryImporter writer, int member, DateTime value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_withTimeZone[member])
        {
            writer.Write(value.Kind switch
            {
                DateTimeKind.Utc => value,
                DateTimeKind.Local => value.ToUniversalTime(),
                _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            }, NpgsqlDbType.TimestampTz);
        }
        else
        {
            writer.Write(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp);
        }
    }

    /// <summary>Writes a <see cref="DateTimeOffset"/> member: its UTC instant, as <c>timestamptz</c> or (the UTC wall clock) as <c>timestamp</c>.</summary>
    /// <param name="writer">The COPY importer.</param>
    /// <param name="member">The member's index.</param>
    /// <param name="value">The value.</param>
    public void WriteDateTimeOffset(NpgsqlBinaryImporter writer, int member, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_withTimeZone[member])
        {
            writer.Write(value.UtcDateTime, NpgsqlDbType.TimestampTz);
        }
        else
        {
            writer.Write(DateTime.SpecifyKind(value.UtcDateTime, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp);
        }
    }
}
