using Microsoft.Data.Sqlite;
using Npgsql;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// The loaded columns of a run and how a staged record becomes a row of them: a binary COPY row (PostgreSQL) or the
/// parameters of the prepared statement (SQLite). <see cref="RowShape"/> writes the dictionary route's converted rows;
/// <see cref="TypedRowShape{TRecord}"/> hands a typed record to the writer that <c>[Pattern("Etl")]</c> generated.
/// </summary>
internal abstract class LoadShape
{
    protected LoadShape(TargetColumn[] columns, int[] keyIndexes)
    {
        Columns = columns;
        KeyIndexes = keyIndexes;
    }

    /// <summary>The loaded columns, in the order rows are written.</summary>
    public TargetColumn[] Columns { get; }

    /// <summary>The positions of the key columns in <see cref="Columns"/>.</summary>
    public int[] KeyIndexes { get; }

    /// <summary>
    /// The PostgreSQL type a column's values are staged (COPYed) as, when it is not the target column's own type; the
    /// set-based statement then casts them to the column's type. Null: staged as the target column's type.
    /// </summary>
    public abstract string? StagingType(int column);

    /// <summary>Names a loaded column in messages.</summary>
    public virtual string Describe(int column) => $"Column '{Columns[column].Name}' ({Columns[column].TypeName})";

    /// <summary>Writes a staged record as one row of a binary COPY.</summary>
    public abstract void WriteCopyRow(NpgsqlBinaryImporter importer, EtlRecord record);

    /// <summary>Sets the prepared statement's parameters, one per column, to a staged record's values.</summary>
    public abstract void BindRow(SqliteParameterCollection parameters, EtlRecord record);

    /// <summary>A staged record's key values, to find the records of one batch that share a key.</summary>
    public abstract RowKey KeyOf(EtlRecord record);
}
