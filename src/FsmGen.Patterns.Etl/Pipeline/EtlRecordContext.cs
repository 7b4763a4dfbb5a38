using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>How a record's run through the per-record machine ended.</summary>
internal enum EtlRecordEnd
{
    /// <summary>Not finished yet.</summary>
    Running,

    /// <summary>Reached the complete state: its row is staged for its batch, whose commit decides loaded or error.</summary>
    Staged,

    /// <summary>The validation rejected it.</summary>
    Rejected,

    /// <summary>A stage failed; <see cref="EtlRecord.Failure"/> says why.</summary>
    Error,
}

/// <summary>Why a record failed or was rejected.</summary>
internal sealed record EtlFailure(EtlStage Stage, string? Field, string Reason);

/// <summary>The data that flows through the dictionary route's per-record machine: the record, where it came from, and how it ended.</summary>
internal sealed class EtlRecordContext : EtlRecord
{
    public EtlRecordContext(long position, Record record)
        : base(position)
    {
        Record = record;
    }

    /// <summary>Whether the reader already gave the fields their mapped names (database sources map once per query).</summary>
    public bool NamesMapped { get; init; }

    /// <summary>The record; replaced by transformations and enrichment functions.</summary>
    public Record Record { get; set; }

    /// <summary>The row staged by the load stage: the values of the loaded columns, converted to their types.</summary>
    public object?[]? Row { get; set; }

    /// <summary>A record that could not be read, already failed at the extract stage.</summary>
    public static EtlRecordContext Unreadable(long position, string? field, string reason) => new(position, new Record())
    {
        Failure = new EtlFailure(EtlStage.Extract, field, reason),
    };

    internal override string? DescribeKey(EtlConfig config, LoadShape? shape)
    {
        if (Row is { } row && shape is RowShape rows)
        {
            return rows.KeyText(row);
        }

        if (config.KeyColumns.Count == 0)
        {
            return null;
        }

        var values = config.KeyColumns.Select(k => Record.TryGetValue(k, out var v) && v is not null ? $"{k}={ValueConversion.ToInvariantText(v)}" : null).ToArray();
        return values.All(v => v is not null) ? string.Join(", ", values) : null;
    }
}
