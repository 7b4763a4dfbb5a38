using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FsmGen.Patterns.Etl.Generated;

/// <summary>
/// The current row of a database source, as the generated reader of a <c>[Pattern("Etl")]</c> class sees it: typed
/// getters by member index, which read the member's column by the ordinal resolved once per query. PostgreSQL values are
/// read with Npgsql's own typed getters. SQLite stores any value in any column, so its getters check the value's storage
/// class and refuse what does not fit the member (text in an integer member, a fraction in an integer) rather than let
/// SQLite convert it silently. A value that cannot be read throws; the generated reader then calls <see cref="Invalid"/>,
/// and the record becomes an error at the extract stage naming the column and the member. Used by generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EtlSourceRow
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly DbDataReader _reader;
    private readonly SqliteDataReader? _sqlite;
    private readonly IReadOnlyList<EtlMember> _members;
    private readonly int[] _ordinals;

    internal EtlSourceRow(DbDataReader reader, IReadOnlyList<EtlMember> members, int[] ordinals)
    {
        _reader = reader;
        _sqlite = reader as SqliteDataReader;
        _members = members;
        _ordinals = ordinals;
    }

    /// <summary>The source reader, positioned on the row.</summary>
    public DbDataReader Reader => _reader;

    /// <summary>Why the last row could not be read, set by <see cref="Invalid"/>.</summary>
    internal EtlFailure? Failure { get; set; }

    /// <summary>Whether the source has the member's column (an optional member's may be missing).</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>True when the column is there.</returns>
    public bool Has(int member) => _ordinals[member] >= 0;

    /// <summary>Whether the member's column is NULL in this row.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>True for NULL.</returns>
    public bool IsNull(int member) => _reader.IsDBNull(_ordinals[member]);

    /// <summary>Reads a <see cref="long"/> member.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>The value.</returns>
    public long GetInt64(int member)
    {
        var ordinal = _ordinals[member];
        return _sqlite is null ? _reader.GetInt64(ordinal) : SqliteInt64(_sqlite, ordinal);
    }

    /// <summary>Reads an <see cref="int"/> member.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>The value.</returns>
    public int GetInt32(int member)
    {
        var ordinal = _ordinals[member];
        return _sqlite is null ? _reader.GetInt32(ordinal) : checked((int)SqliteInt64(_sqlite, ordinal));
    }

    /// <summary>Reads a <see cref="short"/> member.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>The value.</returns>
    public short GetInt16(int member)
    {
        var ordinal = _ordinals[member];
        return _sqlite is null ? _reader.GetInt16(ordinal) : checked((short)SqliteInt64(_sqlite, ordinal));
    }

    /// <summary>Reads a <see cref="decimal"/> member.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>The value.</returns>
    public decimal GetDecimal(int member)
    {
        var ordinal = _ordinals[member];
        if (_sqlite is not { } sqlite)
        {
            return _reader.GetDecimal(ordinal);
        }

        var type = StorageOf(sqlite, ordinal);
        if (type == typeof(long))
        {
            return sqlite.GetInt64(ordinal);
        }

        if (type == typeof(double))
        {
            return (decimal)sqlite.GetDouble(ordinal);
        }

        return type == typeof(string) && decimal.TryParse(sqlite.GetString(ordinal).AsSpan().Trim(), NumberStyles.Float, Invariant, out var parsed)
            ? parsed
            : throw NotA(type, "number");
    }

    /// <summary>Reads a <see cref="double"/> member.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>The value.</returns>
    public double GetDouble(int member)
    {
        var ordinal = _ordinals[member];
        return _sqlite is null ? _reader.GetDouble(ordinal) : SqliteDouble(_sqlite, ordinal);
    }

    /// <summary>Reads a <see cref="float"/> member.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>The value.</returns>
    public float GetSingle(int member)
    {
        var ordinal = _ordinals[member];
        return _sqlite is null ? _reader.GetFloat(ordinal) : (float)SqliteDouble(_sqlite, ordinal);
    }

    /// <summary>Reads a <see cref="bool"/> member.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>The value.</returns>
    public bool GetBoolean(int member)
    {
        var ordinal = _ordinals[member];
        if (_sqlite is not { } sqlite)
        {
            return _reader.GetBoolean(ordinal);
        }

        var type = StorageOf(sqlite, ordinal);
        if (type == typeof(long))
        {
            return sqlite.GetInt64(ordinal) switch
            {
                0 => false,
                1 => true,
                _ => throw new EtlReadException("an integer other than 0 or 1 is not a boolean"),
            };
        }

        if (type == typeof(string))
        {
            switch (sqlite.GetString(ordinal).Trim().ToLowerInvariant())
            {
                case "true" or "t" or "1": return true;
                case "false" or "f" or "0": return false;
            }
        }

        throw NotA(type, "boolean");
    }

    /// <summary>Reads a <see cref="string"/> member.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>The value.</returns>
    public string GetString(int member)
    {
        var ordinal = _ordinals[member];
        if (_sqlite is not { } sqlite)
        {
            return _reader.GetString(ordinal);
        }

        // Numbers read as their text (SQLite's own conversion); a BLOB is not text.
        var type = StorageOf(sqlite, ordinal);
        return type == typeof(byte[]) ? throw NotA(type, "text") : sqlite.GetString(ordinal);
    }

    /// <summary>Reads a <see cref="DateTime"/> member.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>The value: UTC from a PostgreSQL <c>timestamptz</c>, unspecified from a <c>timestamp</c> or SQLite text without a zone.</returns>
    public DateTime GetDateTime(int member)
    {
        var ordinal = _ordinals[member];
        if (_sqlite is not { } sqlite)
        {
            return _reader.GetDateTime(ordinal);
        }

        var type = StorageOf(sqlite, ordinal);
        if (type == typeof(string))
        {
            if (DateTime.TryParse(sqlite.GetString(ordinal), Invariant, DateTimeStyles.RoundtripKind, out var parsed))
            {
                return parsed.Kind == DateTimeKind.Local ? parsed.ToUniversalTime() : parsed;
            }
        }
        else if (type == typeof(double))
        {
            // A Julian day number, as SQLite's date functions keep them.
            return sqlite.GetDateTime(ordinal);
        }

        throw NotA(type, "date/time");
    }

    /// <summary>Reads a <see cref="DateTimeOffset"/> member.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>The value.</returns>
    public DateTimeOffset GetDateTimeOffset(int member)
    {
        var ordinal = _ordinals[member];
        if (_sqlite is not { } sqlite)
        {
            return _reader.GetFieldValue<DateTimeOffset>(ordinal);
        }

        var type = StorageOf(sqlite, ordinal);
        if (type == typeof(string) && DateTimeOffset.TryParse(sqlite.GetString(ordinal), Invariant, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        return type == typeof(double) ? sqlite.GetDateTimeOffset(ordinal) : throw NotA(type, "date/time");
    }

    /// <summary>Reads a <see cref="Guid"/> member.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>The value.</returns>
    public Guid GetGuid(int member)
    {
        var ordinal = _ordinals[member];
        if (_sqlite is not { } sqlite)
        {
            return _reader.GetGuid(ordinal);
        }

        var type = StorageOf(sqlite, ordinal);
        if (type == typeof(string) && Guid.TryParse(sqlite.GetString(ordinal), out var parsed))
        {
            return parsed;
        }

        return type == typeof(byte[]) && sqlite.GetBytes(ordinal, 0, null, 0, 0) == 16 ? sqlite.GetGuid(ordinal) : throw NotA(type, "UUID");
    }

    /// <summary>Reads a <c>byte[]</c> member.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>The value.</returns>
    public byte[] GetBytes(int member)
    {
        var ordinal = _ordinals[member];
        if (_sqlite is not { } sqlite)
        {
            return _reader.GetFieldValue<byte[]>(ordinal);
        }

        var type = StorageOf(sqlite, ordinal);
        return type == typeof(byte[]) ? sqlite.GetFieldValue<byte[]>(ordinal) : throw NotA(type, "BLOB");
    }

    /// <summary>Records that the member's column could not be read, and why.</summary>
    /// <param name="member">The member's index.</param>
    /// <param name="exception">What reading it threw.</param>
    /// <returns>False, for the generated reader to return.</returns>
    public bool Invalid(int member, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var ordinal = _ordinals[member];
        var described = _members[member];
        string why;
        try
        {
            why = ordinal >= 0 && _reader.IsDBNull(ordinal) ? "it is NULL, and the member cannot hold null"
                : exception is EtlReadException read ? read.Message
                : $"{exception.GetType().Name}: {exception.Message}";
        }
        catch (Exception) when (exception is not null)
        {
            why = $"{exception.GetType().Name}: {exception.Message}";
        }

        var column = ordinal >= 0 ? _reader.GetName(ordinal) : described.Column;
        var type = ordinal >= 0 ? _reader.GetDataTypeName(ordinal) : "missing";
        Failure = new EtlFailure(EtlStage.Extract, column, $"column '{column}' ({type}) cannot be read into member '{described.Name}' ({described.TypeName}): {why}");
        return false;
    }

    /// <summary>Records that the values were read but the record type's constructor or initializer threw.</summary>
    /// <param name="exception">What it threw.</param>
    /// <returns>False, for the generated reader to return.</returns>
    public bool NotCreated(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Failure = new EtlFailure(EtlStage.Extract, null, $"the record could not be created from the row: {exception.GetType().Name}: {exception.Message}");
        return false;
    }

    /// <summary>Whether an exception thrown while reading a value is the value's fault (the record's error), not the source's.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>True for conversion and null failures.</returns>
    public static bool IsValueError(Exception exception) =>
        exception is InvalidCastException or FormatException or OverflowException or InvalidOperationException or NotSupportedException or ArgumentException or EtlReadException;

    private static Type StorageOf(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? throw new EtlReadException("it is NULL, and the member cannot hold null") : reader.GetFieldType(ordinal);

    private static long SqliteInt64(SqliteDataReader reader, int ordinal)
    {
        var type = StorageOf(reader, ordinal);
        if (type == typeof(long))
        {
            return reader.GetInt64(ordinal);
        }

        if (type == typeof(double))
        {
            var d = reader.GetDouble(ordinal);
            return Math.Truncate(d) == d && d >= long.MinValue && d < 9.2233720368547758E18 ? (long)d : throw new EtlReadException("a real number with a fraction (or out of range) is not an integer");
        }

        return type == typeof(string) && long.TryParse(reader.GetString(ordinal).AsSpan().Trim(), NumberStyles.AllowLeadingSign, Invariant, out var parsed)
            ? parsed
            : throw NotA(type, "integer");
    }

    private static double SqliteDouble(SqliteDataReader reader, int ordinal)
    {
        var type = StorageOf(reader, ordinal);
        if (type == typeof(long) || type == typeof(double))
        {
            return reader.GetDouble(ordinal);
        }

        return type == typeof(string) && double.TryParse(reader.GetString(ordinal).AsSpan().Trim(), NumberStyles.Float, Invariant, out var parsed)
            ? parsed
            : throw NotA(type, "number");
    }

    private static EtlReadException NotA(Type storage, string what)
    {
        var kind = storage == typeof(long) ? "an INTEGER" : storage == typeof(double) ? "a REAL" : storage == typeof(string) ? "a TEXT" : "a BLOB";
        return new EtlReadException($"{kind} value that is not a valid {what}");
    }
}

/// <summary>A source value that does not fit its member; the message never quotes the value.</summary>
internal sealed class EtlReadException(string message) : Exception(message);
