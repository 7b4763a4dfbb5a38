using System.ComponentModel;

namespace FsmGen.Patterns.FileProcessing.Generated;

/// <summary>
/// Implemented by the generated machine of a <c>[Pattern("FileProcessing")]</c> class whose stage methods are all
/// synchronous: its <c>Run</c>, which the typed processor calls for every record instead of <c>RunAsync</c>, whose
/// <see cref="ValueTask{TResult}"/> of a large result costs about twice as much per record (core data-flow benchmark:
/// 30 against 13 ns). Declared by generated code only; not for direct use.
/// </summary>
/// <typeparam name="TState">The machine's state enum.</typeparam>
/// <typeparam name="TRecord">The record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ISynchronousRecordMachine<TState, TRecord>
    where TState : struct, Enum
{
    /// <summary>Runs one record from the start state to an end state. Failures are in the result, not thrown.</summary>
    /// <param name="input">The record.</param>
    /// <returns>How the run ended.</returns>
    FlowResult<TState, FileRecord<TRecord>> Run(FileRecord<TRecord> input);
}
