using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// Receives one row's values, column by column in the loaded-column order, for the target's transport: a binary COPY
/// row (PostgreSQL) or the parameters of a prepared statement (SQLite). Implemented by structs, so that
/// <see cref="RowBinding.Write{TWriter}"/> is specialised for each and writes without interface calls.
/// </summary>
internal interface IRowWriter
{
    /// <summary>Writes a null as the next column.</summary>
    void WriteNull();

    /// <summary>Writes the next column's value, of the CLR type its column kind expects.</summary>
    void Write<T>(T value);
}

/// <summary>Writes the staged rows of the dictionary route, whose values are boxed but already of the right CLR types.</summary>
internal static class RowBinding
{
    public static void Write<TWriter>(ref TWriter writer, object?[] row, TargetColumn[] columns)
        where TWriter : struct, IRowWriter
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var value = row[i];
            if (value is null)
            {
                writer.WriteNull();
                continue;
            }

            // Unboxed by kind, so that Npgsql picks the converter of the declared type and not object's.
            switch (columns[i].Kind)
            {
                case ColumnKind.Boolean: writer.Write((bool)value); break;
                case ColumnKind.Int16: writer.Write((short)value); break;
                case ColumnKind.Int32: writer.Write((int)value); break;
                case ColumnKind.Int64: writer.Write((long)value); break;
                case ColumnKind.Single: writer.Write((float)value); break;
                case ColumnKind.Double: writer.Write((double)value); break;
                case ColumnKind.Decimal: writer.Write((decimal)value); break;
                case ColumnKind.Date: writer.Write((DateOnly)value); break;
                case ColumnKind.Time: writer.Write((TimeOnly)value); break;
                case ColumnKind.Timestamp or ColumnKind.TimestampTz: writer.Write((DateTime)value); break;
                case ColumnKind.Uuid: writer.Write((Guid)value); break;
                case ColumnKind.Bytea: writer.Write((byte[])value); break;
                case ColumnKind.Text or ColumnKind.Json or ColumnKind.Jsonb or ColumnKind.OtherAsText: writer.Write((string)value); break;
                default: writer.Write(value); break;
            }
        }
    }
}

/// <summary>Writes one row of a binary COPY, each column with its declared <see cref="NpgsqlDbType"/>.</summary>
internal struct CopyRowWriter(NpgsqlBinaryImporter importer, NpgsqlDbType[] types) : IRowWriter
{
    private int _column;

    public void WriteNull()
    {
        importer.WriteNull();
        _column++;
    }

    public void Write<T>(T value) => importer.Write(value, types[_column++]);
}

/// <summary>Writes one row into a prepared SQLite statement's parameters.</summary>
internal struct ParameterRowWriter(SqliteParameterCollection parameters) : IRowWriter
{
    private int _column;

    public void WriteNull() => parameters[_column++].Value = DBNull.Value;

    public void Write<T>(T value) => parameters[_column++].Value = value;
}
