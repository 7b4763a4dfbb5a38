using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// Reads a database source with one streaming query: <c>SELECT * FROM (source query) AS src</c>, ordered by the
/// config's read order and, when resuming, restricted to rows past the checkpoint with a row-value comparison
/// <c>WHERE (a, b) &gt; (@p0, @p1)</c> (keyset pagination's condition). Npgsql and SQLite both hand rows over as the
/// database produces them, so memory stays flat whatever the source's size. Field names are mapped once per query.
/// How a row becomes a record is the subclass's: a dictionary (<see cref="DatabaseSourceReader"/>) or a typed record
/// read by generated code (<see cref="TypedSourceReader{TRecord}"/>).
/// </summary>
internal abstract class DatabaseReaderBase(EtlConfig config, object?[]? after) : SourceReader
{
    public override async IAsyncEnumerable<EtlRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var source = config.Source;
        var order = config.ReadOrder;
        var connection = source.Connection!.Create();
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                throw new EtlException($"Cannot open the source database {source.Connection}: {e.Message}", e);
            }

            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandTimeout = 0;
                command.CommandText = BuildQuery(command, source.SourceQuery!, order);
                DbDataReader reader;
                try
                {
                    reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbException e)
                {
                    throw new EtlException($"The source query failed on {source.Connection}: {e.Message}", e);
                }

                await using (reader.ConfigureAwait(false))
                {
                    var names = MappedNames(reader);
                    var orderOrdinals = order.Select(column => OrdinalOf(reader, column)).ToArray();
                    Prepare(reader, names, orderOrdinals);
                    long position = 0;
                    while (true)
                    {
                        bool more;
                        try
                        {
                            more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch (DbException e)
                        {
                            throw new EtlException($"Reading the source failed after {position} row(s): {e.Message}", e);
                        }

                        if (!more)
                        {
                            break;
                        }

                        position++;
                        yield return ReadRow(reader, position);
                    }
                }
            }
        }
    }

    protected static int OrdinalOf(DbDataReader reader, string column)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (reader.GetName(i) == column)
            {
                return i;
            }
        }

        throw new EtlException($"The source has no column '{column}', which orders the source for checkpoints (the source name of a key column, or a SourceOrderColumns entry).");
    }

    private string BuildQuery(DbCommand command, string sourceQuery, IReadOnlyList<string> order)
    {
        var sql = new StringBuilder("SELECT * FROM (").Append(sourceQuery).Append(") AS fsmgen_src");
        var quoted = order.Select(c => SqlIdentifier.QuoteColumn(c, "KeyColumns")).ToArray();
        if (after is not null)
        {
            if (after.Length != order.Count)
            {
                throw new EtlException($"The checkpoint was written with {after.Length} order column(s), but the config reads the source by {order.Count} ({string.Join(", ", order)}); use another checkpoint id.");
            }

            sql.Append(" WHERE (").AppendJoin(", ", quoted).Append(") > (");
            for (var i = 0; i < after.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "p" + i;
                parameter.Value = after[i] ?? DBNull.Value;
                command.Parameters.Add(parameter);
                sql.Append(i == 0 ? string.Empty : ", ").Append("@p").Append(i);
            }

            sql.Append(')');
        }

        if (quoted.Length > 0)
        {
            sql.Append(" ORDER BY ").AppendJoin(", ", quoted);
        }

        return sql.ToString();
    }

    private string[] MappedNames(DbDataReader reader)
    {
        var names = new string[reader.FieldCount];
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var column = reader.GetName(i);
            names[i] = config.FieldMappings.TryGetValue(column, out var mapped) ? mapped : column;
            if (seen.TryGetValue(names[i], out var other))
            {
                throw new EtlException(other == column
                    ? $"The source has two columns named '{column}'; alias one of them in the source query."
                    : $"The source columns '{other}' and '{column}' both become the field '{names[i]}' after FieldMappings; map or alias one of them.");
            }

            seen[names[i]] = column;
        }

        return names;
    }

    /// <summary>Resolves what the rows are read by, once per query.</summary>
    /// <param name="reader">The open reader.</param>
    /// <param name="names">The source column names after field mappings, by ordinal.</param>
    /// <param name="orderOrdinals">The ordinals of the read-order columns.</param>
    protected abstract void Prepare(DbDataReader reader, string[] names, int[] orderOrdinals);

    /// <summary>Reads the current row; a value that cannot be read makes a record already failed at the extract stage.</summary>
    protected abstract EtlRecord ReadRow(DbDataReader reader, long position);
}

/// <summary>Reads a database source into dictionary records: every column a field, under its mapped name.</summary>
internal sealed class DatabaseSourceReader(EtlConfig config, object?[]? after, bool keepPositions) : DatabaseReaderBase(config, after)
{
    private string[] _names = [];
    private int[] _orderOrdinals = [];

    protected override void Prepare(DbDataReader reader, string[] names, int[] orderOrdinals)
    {
        _names = names;
        _orderOrdinals = orderOrdinals;
    }

    protected override EtlRecord ReadRow(DbDataReader reader, long position)
    {
        var names = _names;
        var orderOrdinals = _orderOrdinals;
        var record = new Record(names.Length);
        EtlFailure? failure = null;
        for (var i = 0; i < names.Length; i++)
        {
            object? value = null;
            try
            {
                value = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            catch (Exception e) when (e is InvalidCastException or OverflowException or NotSupportedException or ArgumentException)
            {
                // Types without a CLR mapping (a PostgreSQL enum, say) still read as their text.
                try
                {
                    value = reader.GetFieldValue<string>(i);
                }
                catch (Exception) when (e is not null)
                {
                    failure ??= new EtlFailure(EtlStage.Extract, names[i], $"the value of column '{reader.GetName(i)}' cannot be read: {e.Message}");
                }
            }

            record[names[i]] = value;
        }

        object?[]? orderValues = null;
        if (keepPositions && orderOrdinals.Length > 0)
        {
            orderValues = new object?[orderOrdinals.Length];
            for (var k = 0; k < orderOrdinals.Length; k++)
            {
                orderValues[k] = record[names[orderOrdinals[k]]];
            }
        }

        return new EtlRecordContext(position, record)
        {
            OrderValues = orderValues,
            NamesMapped = true,
            Failure = failure,
        };
    }
}
