using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Model;

namespace FsmGen.Generators.Emit;

/// <summary>
/// RunAsync's straight-line executor for machines with async members, as a synchronous fast path plus one continuation.
/// <para>
/// <c>RunFastAsync</c> is not an async method: it runs the state blocks of <see cref="DataFlowFastPath"/> and, while each
/// awaited member has already completed successfully, takes its result and goes on, so a run whose members complete
/// synchronously runs no async state machine. The first task that is really pending (or faulted) is handed, with the
/// state, record and step count reached, to <c>RunFastAsyncResume</c>: the same blocks as an async method, entered at that
/// await. Both catch a failure and hand it to the general loop (RecoverAsync), so the contract of RunAsync is unchanged:
/// failures are in the result, cancellation gives a cancelled task.
/// </para>
/// </summary>
internal static class DataFlowAsyncFastPath
{
    /// <summary>A subflow's RunAsync result would need its own kind of pending task; such machines keep the async method.</summary>
    public static bool Applies(MachineModel machine) =>
        !machine.States.Any(s => s.Transitions.Any(t => t.Push is { IsAllSync: false }));

    public static void Emit(CodeWriter w, MachineModel machine, string result)
    {
        var data = machine.DataType!;
        var steps = RunSteps.Build(machine, result, isAsync: true, RunTracking.State, out var checkSteps);
        var flat = new FlatSteps(steps, data, result, "RunFastAsyncResume", ", state, data, steps, cancellationToken");
        var valueTaskOfResult = FlatSteps.ValueTask + "<" + result + ">";

        using (w.Block("private " + valueTaskOfResult + " RunFastAsync(" + data + " input, global::System.Threading.CancellationToken cancellationToken)"))
        {
            w.Line("var state = StateId." + Identifier.Escape(machine.StartState) + ";");
            w.Line("var data = input;");
            w.Line("var steps = 0;");
            FlatSteps.DeclarePending(w, steps, data);
            using (w.Block("try"))
            {
                flat.WriteFast(w);
            }

            using (w.Block("catch (global::System.Exception exception)"))
            {
                // As the async method did: cancellation is not a failure of the state, it cancels the run.
                w.Line("if (exception is global::System.OperationCanceledException && cancellationToken.IsCancellationRequested) return " + FlatSteps.ValueTask + ".FromCanceled<" + result + ">(cancellationToken);");
                w.Line("return RecoverAsync(state, data, steps, exception, cancellationToken);");
            }

            if (checkSteps)
            {
                w.Line();
                w.Line("tooManySteps:");
                w.Line("return new " + valueTaskOfResult + "(" + DataFlowFastPath.TooManyStepsResult(machine) + ");");
            }
        }

        w.Line();
        using (w.Block("private async " + valueTaskOfResult + " RunFastAsyncResume(" + flat.PendingParameters + ", StateId state, " + data + " data, int steps, global::System.Threading.CancellationToken cancellationToken)"))
        {
            using (w.Block("try"))
            {
                flat.WriteContinuation(w);
            }

            w.Line("catch (global::System.Exception exception) when (!(exception is global::System.OperationCanceledException && cancellationToken.IsCancellationRequested))");
            w.Line("{");
            w.Line("    return await RecoverAsync(state, data, steps, exception, cancellationToken).ConfigureAwait(false);");
            w.Line("}");
            if (checkSteps)
            {
                w.Line();
                w.Line("tooManySteps:");
                w.Line("return " + DataFlowFastPath.TooManyStepsResult(machine) + ";");
            }
        }

        w.Line();
    }

    /// <summary>
    /// RunOrThrowAsync of a machine with async members and no failure handling: the same fast path and continuation
    /// without the catch, so that the fast path inlines; a failure propagates as from RunOrThrow.
    /// </summary>
    public static void EmitWithoutCatch(CodeWriter w, MachineModel machine, string result)
    {
        var data = machine.DataType!;
        var steps = RunSteps.Build(machine, result, isAsync: true, RunTracking.State, out var checkSteps);
        var flat = new FlatSteps(steps, data, result, "RunOrThrowAsyncResume", ", state, data, steps, cancellationToken");
        var valueTaskOfResult = FlatSteps.ValueTask + "<" + result + ">";
        var tooManySteps = "throw new global::System.InvalidOperationException(" + DataFlowFastPath.TooManyStepsMessage(machine) + ");";
        w.Line("/// <summary>");
        w.Line("/// Runs one record like <see cref=\"RunAsync\"/>, but a failure is thrown, not returned (OnError is not called); completes");
        w.Line("/// synchronously when every member does. A member that throws before returning its task throws from this call.");
        w.Line("/// </summary>");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        using (w.Block("public " + valueTaskOfResult + " RunOrThrowAsync(" + data + " input, global::System.Threading.CancellationToken cancellationToken = default)"))
        {
            w.Line("var state = StateId." + Identifier.Escape(machine.StartState) + ";");
            w.Line("var data = input;");
            w.Line("var steps = 0;");
            FlatSteps.DeclarePending(w, steps, data);
            flat.WriteFast(w);
            if (checkSteps)
            {
                w.Line("tooManySteps:");
                w.Line(tooManySteps);
            }
        }

        w.Line();
        using (w.Block("private async " + valueTaskOfResult + " RunOrThrowAsyncResume(" + flat.PendingParameters + ", StateId state, " + data + " data, int steps, global::System.Threading.CancellationToken cancellationToken)"))
        {
            flat.WriteContinuation(w);
            if (checkSteps)
            {
                w.Line("tooManySteps:");
                w.Line(tooManySteps);
            }
        }

        w.Line();
    }
}
