using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>How a record's run through the per-record machine ended.</summary>
internal enum EtlRecordEnd
{
    /// <summary>Not finished yet.</summary>
    Running,

    /// <summary>Reached the complete state: its row is staged for its batch, whose commit decides loaded or error.</summary>
    Staged,

    /// <summary>The validation schema rejected it.</summary>
    Rejected,

    /// <summary>A stage failed; <see cref="EtlRecordContext.Failure"/> says why.</summary>
    Error,
}

/// <summary>Why a record failed or was rejected.</summary>
internal sealed record EtlFailure(EtlStage Stage, string? Field, string Reason);

/// <summary>The data that flows through the per-record machine: the record, where it came from, and how it ended.</summary>
internal sealed class EtlRecordContext
{
    public EtlRecordContext(long position, Record record)
    {
        Position = position;
        Record = record;
    }

    /// <summary>The 1-based position in the source (see <see cref="EtlError.Position"/>).</summary>
    public long Position { get; set; }

    /// <summary>A file source's 1-based ordinal among the records it could read: the checkpoint position of files.</summary>
    public long Ordinal { get; init; }

    /// <summary>The values of the source's order columns (the checkpoint position of a database source), or null.</summary>
    public object?[]? OrderValues { get; init; }

    /// <summary>Whether the reader already gave the fields their mapped names (database sources map once per query).</summary>
    public bool NamesMapped { get; init; }

    /// <summary>The record; replaced by transformations and enrichment functions.</summary>
    public Record Record { get; set; }

    /// <summary>Why the record failed or was rejected, or null.</summary>
    public EtlFailure? Failure { get; set; }

    /// <summary>Set by the validate stage when the schema rejects the record.</summary>
    public bool Rejected { get; set; }

    /// <summary>The row staged by the load stage: the values of the loaded columns, converted to their types.</summary>
    public object?[]? Row { get; set; }

    /// <summary>How the run ended; set by the end states.</summary>
    public EtlRecordEnd End { get; set; }

    /// <summary>A record that could not be read, already failed at the extract stage.</summary>
    public static EtlRecordContext Unreadable(long position, string? field, string reason) => new(position, new Record())
    {
        Failure = new EtlFailure(EtlStage.Extract, field, reason),
    };
}
