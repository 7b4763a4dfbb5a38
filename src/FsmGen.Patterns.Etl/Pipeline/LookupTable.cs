using System.Data.Common;
using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>A lookup enrichment's reference table, read into memory once when the run starts.</summary>
internal sealed class LookupTable
{
    private readonly Dictionary<object, object?[]> _rows;

    private LookupTable(LookupEnrichment enrichment, Dictionary<object, object?[]> rows)
    {
        Enrichment = enrichment;
        _rows = rows;
    }

    public LookupEnrichment Enrichment { get; }

    public static async Task<LookupTable> LoadAsync(LookupEnrichment enrichment, EtlConnection defaultConnection, CancellationToken cancellationToken)
    {
        var connection = (enrichment.Connection ?? defaultConnection).Create();
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                var columns = string.Join(", ", enrichment.Columns.Select(c => SqlIdentifier.QuoteColumn(c, "Enrichment.Lookup.columns")));
                command.CommandText = $"SELECT {SqlIdentifier.QuoteColumn(enrichment.KeyColumn, "Enrichment.Lookup.keyColumn")}, {columns} FROM {enrichment.Table.Quoted}";
                var rows = new Dictionary<object, object?[]>();
                DbDataReader reader;
                try
                {
                    reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbException e)
                {
                    throw new EtlException($"Enrichment {enrichment.Description}: reading the reference table failed: {e.Message}", e);
                }

                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (reader.IsDBNull(0))
                        {
                            continue;
                        }

                        var values = new object?[enrichment.Columns.Count];
                        for (var i = 0; i < values.Length; i++)
                        {
                            values[i] = reader.IsDBNull(i + 1) ? null : reader.GetValue(i + 1);
                        }

                        rows[Normalize(reader.GetValue(0))] = values;
                    }
                }

                return new LookupTable(enrichment, rows);
            }
        }
    }

    /// <summary>Enriches the record; returns why not when the key is missing and the policy says error.</summary>
    public EtlFailure? Apply(Record record, bool includeValues)
    {
        var e = Enrichment;
        record.TryGetValue(e.RecordField, out var key);
        if (key is not null && _rows.TryGetValue(Normalize(key), out var values))
        {
            for (var i = 0; i < values.Length; i++)
            {
                record[e.Columns[i]] = values[i];
            }

            return null;
        }

        switch (e.OnMiss)
        {
            case LookupMissPolicy.Null:
                foreach (var column in e.Columns)
                {
                    record[column] = null;
                }

                return null;
            case LookupMissPolicy.Error:
                var shown = key is null ? "no value" : includeValues ? $"'{ValueConversion.ToInvariantText(key)}'" : "a value";
                return new EtlFailure(EtlStage.Enrich, e.RecordField, $"{e.Description}: {shown} not found");
            default:
                return null;
        }
    }

    // Integers of any width (and integral text from CSV) match each other; everything else matches by value.
    private static object Normalize(object key) => key switch
    {
        long => key,
        string s => ValueConversion.TryInt64(s, out var parsed) && parsed.ToString(System.Globalization.CultureInfo.InvariantCulture) == s ? parsed : s,
        _ => ValueConversion.TryInt64(key, out var l) && key is not bool ? l : key,
    };
}
