using System.ComponentModel;

namespace FsmGen.Patterns.Etl.Generated;

/// <summary>
/// What the state methods that <c>[Pattern("Etl")]</c> generates do to an <see cref="EtlRecord{TRecord}"/>: record a
/// rejection or a failure, stage the record for its batch, or mark the end state reached. Called by generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EtlRecordStages
{
    /// <summary>A <c>[Validate]</c> method returned false: the record is rejected.</summary>
    /// <param name="record">The record.</param>
    /// <param name="field">The field the rule is about, or null.</param>
    /// <param name="reason">Why the record is rejected.</param>
    public static void Reject(EtlRecord record, string? field, string reason)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Fail(EtlStage.Validate, field, reason);
        record.Rejected = true;
    }

    /// <summary>A slot method threw: the record fails at <paramref name="stage"/>, naming the method and the exception.</summary>
    /// <param name="record">The record.</param>
    /// <param name="stage">The stage whose method threw.</param>
    /// <param name="culprit">The method, as the reason names it (for example <c>transform 'Normalize'</c>).</param>
    /// <param name="exception">What it threw.</param>
    public static void Fail(EtlRecord record, EtlStage stage, string culprit, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(exception);
        record.Fail(stage, null, $"{culprit} threw {exception.GetType().Name}: {exception.Message}");
    }

    /// <summary>A <c>[Transform]</c> or <c>[Enrich]</c> method returned null: the record fails at <paramref name="stage"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="stage">The stage.</param>
    /// <param name="culprit">The method, as the reason names it.</param>
    public static void ReturnedNull(EtlRecord record, EtlStage stage, string culprit)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Fail(stage, null, culprit + " returned null");
    }

    /// <summary>The load stage: the record becomes a row of its batch, unless a key member has no value.</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="record">The record.</param>
    public static void Load<TRecord>(EtlRecord<TRecord> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Shape?.CheckKeys(record.Value) is { } failure)
        {
            record.Failure = failure;
        }
    }

    /// <summary>The record reached the complete state: it is staged for its batch, whose commit decides loaded or error.</summary>
    /// <param name="record">The record.</param>
    public static void Staged(EtlRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.End = EtlRecordEnd.Staged;
    }

    /// <summary>The record reached the rejected state.</summary>
    /// <param name="record">The record.</param>
    public static void Rejected(EtlRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.End = EtlRecordEnd.Rejected;
    }

    /// <summary>The record reached the error state.</summary>
    /// <param name="record">The record.</param>
    public static void Failed(EtlRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.End = EtlRecordEnd.Error;
    }
}
