using System.ComponentModel;

namespace FsmGen.Patterns.FileProcessing.Generated;

/// <summary>
/// What the stage methods that <c>[Pattern("FileProcessing")]</c> generates do to a <see cref="FileRecord{TRecord}"/>:
/// record a failure, a filter's verdict, or the end state reached. Called by generated code only; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FileRecordStages
{
    /// <summary>A <c>[Validate]</c> method returned false: the record fails at the validate stage.</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="record">The record.</param>
    /// <param name="field">The field the rule is about, or null.</param>
    /// <param name="reason">Why the record is invalid.</param>
    public static void Reject<TRecord>(FileRecord<TRecord> record, string? field, string reason) =>
        record.Fail(ProcessingStage.Validate, field, reason);

    /// <summary>A slot method threw: the record fails at <paramref name="stage"/>, naming the method and the exception.</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="record">The record.</param>
    /// <param name="stage">The stage whose method threw.</param>
    /// <param name="culprit">The method, as the reason names it (for example <c>transform 'AddTax'</c>).</param>
    /// <param name="exception">What it threw.</param>
    public static void Fail<TRecord>(FileRecord<TRecord> record, ProcessingStage stage, string culprit, Exception exception)
    {
        var failure = StageFailures.From(stage, culprit, exception);
        record.Fail(failure.Stage, failure.Field, failure.Reason);
    }

    /// <summary>A <c>[Transform]</c> method returned null: the record fails at the transform stage.</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="record">The record.</param>
    /// <param name="culprit">The method, as the reason names it.</param>
    public static void ReturnedNull<TRecord>(FileRecord<TRecord> record, string culprit) =>
        record.Fail(ProcessingStage.Transform, null, culprit + " returned null");

    /// <summary>A <c>[Filter]</c> method returned false: the record ends in the filtered state.</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="record">The record.</param>
    public static void FilterOut<TRecord>(FileRecord<TRecord> record) => record.IsFilteredOut = true;

    /// <summary>The record reached an end state.</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="record">The record.</param>
    /// <param name="outcome">The end state's outcome.</param>
    public static void End<TRecord>(FileRecord<TRecord> record, FileRecordOutcome outcome) => record.Outcome = outcome;
}
