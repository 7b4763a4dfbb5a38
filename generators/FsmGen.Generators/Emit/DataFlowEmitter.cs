using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Model;

namespace FsmGen.Generators.Emit;

/// <summary>
/// Writes the executor of a data-flow machine: one switch-based loop (sync when every member is synchronous, and async)
/// over a cursor struct, used by Run/RunAsync (no step budget) and by the step-by-step Execution (budget of one state).
/// </summary>
internal static class DataFlowEmitter
{
    public static void Emit(CodeWriter w, MachineModel machine)
    {
        var data = machine.DataType!;
        var result = "global::FsmGen.FlowResult<StateId, " + data + ">";
        EmitPushFields(w, machine);
        EmitCursor(w, machine, data);
        EmitEntryPoints(w, machine, result, data);
        EmitFinish(w, machine, result);
        // An all-synchronous machine gets only the sync loop: its async entry points complete synchronously through it.
        // With recovery pipelines it gets the async loop too, so that RunAsync awaits retry delays instead of blocking.
        if (machine.IsAllSync) EmitAdvance(w, machine, isAsync: false);
        if (HasAsyncLoop(machine)) EmitAdvance(w, machine, isAsync: true);
        if (DataFlowFastPath.Applies(machine))
        {
            if (machine.IsAllSync) DataFlowFastPath.Emit(w, machine, result, isAsync: false);
            if (HasAsyncLoop(machine)) DataFlowFastPath.Emit(w, machine, result, isAsync: true);
        }

        EmitExecution(w, machine, result, data);
    }

    private static bool HasAsyncLoop(MachineModel machine) => !machine.IsAllSync || RecoveryEmitter.HasPipelines(machine);

    private static void EmitPushFields(CodeWriter w, MachineModel machine)
    {
        foreach (var push in machine.States.SelectMany(s => s.Transitions).Select(t => t.Push).Where(p => p is not null).Select(p => p!.GlobalName).Distinct())
        {
            w.Line("private " + push + "? " + PushField(push) + ";");
        }
    }

    private static string PushField(string globalName) => "_subflow_" + globalName.Replace("global::", "").Replace(".", "_");

    private static void EmitCursor(CodeWriter w, MachineModel machine, string data)
    {
        w.Line("/// <summary>Where a run is: everything the loop needs to stop after any state and resume.</summary>");
        using (w.Block("internal struct Cursor"))
        {
            w.Line("public StateId State;");
            w.Line("public " + data + " Data;");
            w.Line("public global::System.Exception? Error;");
            w.Line("public StateId? FailedState;");
            w.Line("public global::System.Exception? HandledError;");
            w.Line("public int Steps;");
            w.Line("public bool Resuming;");
            w.Line("public bool Completed;");
            if (RecoveryEmitter.Compensated(machine).Count > 0)
            {
                w.Line("// Saga bookkeeping: which [Compensate] states completed (a bit each) and in what order (a stack of 4-bit indexes).");
                w.Line("public uint CompensationDone;");
                w.Line("public ulong CompensationStack;");
                w.Line("public int CompensationCount;");
                w.Line("public global::System.Exception? CompensationError;");
            }
        }

        w.Line();
    }

    private static void EmitEntryPoints(CodeWriter w, MachineModel machine, string result, string data)
    {
        var start = "new Cursor { State = StateId." + Identifier.Escape(machine.StartState) + ", Data = input }";
        if (machine.IsAllSync)
        {
            w.Line("/// <summary>Runs one record from the start state to an end state. Failures are in the result, not thrown.</summary>");
            w.Line(DataFlowFastPath.Applies(machine)
                ? "public " + result + " Run(" + data + " input) => RunFast(input);"
                : "public " + result + " Run(" + data + " input) => Finish(Advance(" + start + ", int.MaxValue, default));");
            w.Line();
        }

        if (DataFlowFastPath.AppliesWithoutCatch(machine)) DataFlowFastPath.EmitWithoutCatch(w, machine, result);
        if (DataFlowFastPath.AppliesWithoutCatchAsync(machine))
        {
            if (DataFlowFastPath.IsSyncOnly(machine)) DataFlowFastPath.EmitWithoutCatchAsyncOverSync(w, machine, result);
            else DataFlowAsyncFastPath.EmitWithoutCatch(w, machine, result);
        }

        w.Line("/// <summary>Runs one record from the start state to an end state. Failures are in the result; only cancellation throws.</summary>");
        using (w.Block("public global::System.Threading.Tasks.ValueTask<" + result + "> RunAsync(" + data + " input, global::System.Threading.CancellationToken cancellationToken = default)"))
        {
            if (DataFlowFastPath.Applies(machine))
            {
                if (HasAsyncLoop(machine))
                {
                    w.Line("return RunFastAsync(input, cancellationToken);");
                }
                else
                {
                    w.Line("cancellationToken.ThrowIfCancellationRequested();");
                    w.Line("return new global::System.Threading.Tasks.ValueTask<" + result + ">(RunFast(input));");
                }
            }
            else if (!HasAsyncLoop(machine))
            {
                w.Line("return new global::System.Threading.Tasks.ValueTask<" + result + ">(Finish(Advance(" + start + ", int.MaxValue, cancellationToken)));");
            }
            else
            {
                w.Line("var pending = AdvanceAsync(" + start + ", int.MaxValue, cancellationToken);");
                w.Line("return pending.IsCompletedSuccessfully ? new global::System.Threading.Tasks.ValueTask<" + result + ">(Finish(pending.Result)) : AwaitFinish(pending);");
                w.Line();
                w.Line("static async global::System.Threading.Tasks.ValueTask<" + result + "> AwaitFinish(global::System.Threading.Tasks.ValueTask<Cursor> running) => Finish(await running.ConfigureAwait(false));");
            }
        }

        w.Line();
        w.Line("/// <summary>Starts a run to be driven step by step (for debugging): Step, inspect State and Data, Continue.</summary>");
        w.Line("public Execution Begin(" + data + " input) => new Execution(this, " + start + ");");
        w.Line();
    }

    private static void EmitFinish(CodeWriter w, MachineModel machine, string result)
    {
        using (w.Block("private static " + result + " Finish(Cursor cursor)"))
        {
            var emitting = machine.States.Where(s => s.IsEnd && s.EmitOutput).Select(s => "StateId." + Identifier.Escape(s.Name)).ToList();
            var emits = emitting.Count == 0 ? "false" : "cursor.State is " + string.Join(" or ", emitting);
            w.Line("var emitted = cursor.Completed && cursor.Error is null && " + (emitting.Count == 0 ? "false" : "(" + emits + ")") + ";");
            var compensation = RecoveryEmitter.Compensated(machine).Count > 0 ? ", cursor.CompensationCount, cursor.CompensationError" : "";
            w.Line("return new " + result + "(cursor.State, cursor.Data, emitted, cursor.Error, cursor.FailedState, cursor.HandledError, cursor.Steps" + compensation + ");");
        }

        w.Line();
    }

    private static void EmitAdvance(CodeWriter w, MachineModel machine, bool isAsync)
    {
        var signature = isAsync
            ? "private async global::System.Threading.Tasks.ValueTask<Cursor> AdvanceAsync(Cursor cursor, int budget, global::System.Threading.CancellationToken cancellationToken)"
            : "private Cursor Advance(Cursor cursor, int budget, global::System.Threading.CancellationToken cancellationToken)";
        using (w.Block(signature))
        {
            // Locals rather than cursor fields keep the hot loop in registers.
            w.Line("var state = cursor.State;");
            w.Line("var data = cursor.Data;");
            w.Line("var error = cursor.Error;");
            w.Line("var handledError = cursor.HandledError;");
            w.Line("var failedState = cursor.FailedState;");
            w.Line("var steps = cursor.Steps;");
            w.Line("var resuming = cursor.Resuming;");
            w.Line("var completed = cursor.Completed;");
            var compensated = RecoveryEmitter.Compensated(machine);
            if (compensated.Count > 0)
            {
                w.Line("var compensationDone = cursor.CompensationDone;");
                w.Line("var compensationStack = cursor.CompensationStack;");
                w.Line("var compensationCount = cursor.CompensationCount;");
                w.Line("var compensationError = cursor.CompensationError;");
            }

            using (w.Block("while (!completed && budget > 0)"))
            {
                using (w.Block("try"))
                {
                    using (w.Block("while (budget > 0)"))
                    {
                        w.Line("budget--;");
                        w.Line("cancellationToken.ThrowIfCancellationRequested();");
                        using (w.Block("if (++steps > " + machine.MaxSteps + ")"))
                        {
                            w.Line("error ??= new global::System.InvalidOperationException(\"" + machine.Hierarchy.Name + " visited more than " + machine.MaxSteps + " states in one run (MaxSteps); it was in '\" + state.ToString() + \"'.\");");
                            w.Line("failedState ??= state;");
                            w.Line("completed = true;");
                            w.Line("goto finished;");
                        }

                        // When every state is an end state nothing follows the switch (code after it would be warning CS0162).
                        var hasTransitions = machine.States.Any(s => !s.IsEnd);
                        if (hasTransitions) w.Line("StateId next;");
                        using (w.Block("switch (state)"))
                        {
                            foreach (var state in machine.States) EmitStateCase(w, machine, state, isAsync);
                            w.Line("default:");
                            w.Line("    throw new global::System.InvalidOperationException(\"Unknown state \" + state.ToString() + \".\");");
                        }

                        if (hasTransitions)
                        {
                            w.Line("OnTransition(state, next);");
                            if (machine.History > 0) w.Line("History.Add(new global::FsmGen.StateTransition<StateId>(state, next));");
                            w.Line("state = next;");
                        }
                    }
                }

                w.Line("catch (global::System.Exception exception) when (!(exception is global::System.OperationCanceledException && cancellationToken.IsCancellationRequested))");
                w.Line("{");
                w.Indent();
                w.Line("OnError(state, exception);");
                using (w.Block("if (error is not null)"))
                {
                    w.Line("// A failure while skipping ahead after an earlier one ends the run where it is.");
                    w.Line("completed = true;");
                    w.Line("break;");
                }

                EmitFailureRoutes(w, machine, "handledError", "state", "continue;");
                if (compensated.Count > 0) EmitCompensation(w, compensated);
                w.Line("error = exception;");
                w.Line("failedState = state;");
                w.Line("// Re-enter the failed state without its body and follow its transitions, running only RunOnFailure states from here on.");
                w.Line("resuming = true;");
                w.Line("steps--;");
                w.Line("continue;");
                w.Unindent();
                w.Line("}");
            }

            w.Line();
            w.Line("finished:");
            w.Line("cursor.State = state;");
            w.Line("cursor.Data = data;");
            w.Line("cursor.Error = error;");
            w.Line("cursor.HandledError = handledError;");
            w.Line("cursor.FailedState = failedState;");
            w.Line("cursor.Steps = steps;");
            w.Line("cursor.Resuming = resuming;");
            w.Line("cursor.Completed = completed;");
            if (compensated.Count > 0)
            {
                w.Line("cursor.CompensationDone = compensationDone;");
                w.Line("cursor.CompensationStack = compensationStack;");
                w.Line("cursor.CompensationCount = compensationCount;");
                w.Line("cursor.CompensationError = compensationError;");
            }

            w.Line("return cursor;");
        }

        w.Line();
    }

    /// <summary>
    /// The failure routes of every state, as a switch on <paramref name="state"/>: a matching route records the error in
    /// <paramref name="handled"/>, moves <paramref name="state"/> to its target and runs <paramref name="leave"/>.
    /// Shared by the cursor loop and the fast path's hand-over.
    /// </summary>
    public static void EmitFailureRoutes(CodeWriter w, MachineModel machine, string handled, string state, string leave)
    {
        var routed = machine.States.Where(s => s.Transitions.Any(t => t.OnFailure)).ToList();
        if (routed.Count == 0) return;
        using (w.Block("switch (state)"))
        {
            foreach (var source in routed)
            {
                w.Line("case StateId." + Identifier.Escape(source.Name) + ":");
                w.Indent();
                foreach (var route in source.Transitions.Where(t => t.OnFailure))
                {
                    var to = "StateId." + Identifier.Escape(route.To);
                    if (route.ExceptionType is not null) w.Line("if (exception is " + route.ExceptionType + ")");
                    w.Line("{");
                    w.Indent();
                    w.Line(handled + " = exception;");
                    w.Line("OnTransition(state, " + to + ");");
                    if (machine.History > 0) w.Line("History.Add(new global::FsmGen.StateTransition<StateId>(state, " + to + "));");
                    w.Line(state + " = " + to + ";");
                    w.Line(leave);
                    w.Unindent();
                    w.Line("}");
                    if (route.ExceptionType is null) break; // an untyped route catches everything: later routes are unreachable
                }

                if (source.Transitions.Where(t => t.OnFailure).All(t => t.ExceptionType is not null)) w.Line("break;");
                w.Unindent();
            }
        }
    }

    private static void EmitStateCase(CodeWriter w, MachineModel machine, StateModel state, bool isAsync)
    {
        w.Line("case StateId." + Identifier.Escape(state.Name) + ":");
        w.Indent();
        w.Line("OnEnter(StateId." + Identifier.Escape(state.Name) + ");");
        var body = RecoveryEmitter.DataFlowBody(state, machine.DataType!, isAsync) ?? MachineEmitter.Call(state.Body, "data", "cancellationToken");
        var bodyStatement = state.Body.ReturnsValue ? "data = " + body + ";" : body + ";";
        var runs = state.RunOnFailure ? "if (!resuming)" : "if (!resuming && error is null)";
        var compensationIndex = RecoveryEmitter.Compensated(machine).IndexOf(state);
        if (compensationIndex < 0)
        {
            w.Line(runs + " " + bodyStatement);
        }
        else
        {
            using (w.Block(runs))
            {
                w.Line(bodyStatement);
                // Completed: remember it (once) for compensation should a later state fail. A body that ran after a failure is not pushed.
                var bit = "(1u << " + compensationIndex + ")";
                var condition = (state.RunOnFailure ? "error is null && " : "") + "(compensationDone & " + bit + ") == 0";
                using (w.Block("if (" + condition + ")"))
                {
                    w.Line("compensationDone |= " + bit + ";");
                    w.Line("compensationStack = (compensationStack << " + RecoveryEmitter.StackEntryBits + ") | " + compensationIndex + "UL;");
                }
            }
        }

        w.Line("resuming = false;");
        if (state.IsEnd)
        {
            w.Line("completed = true;");
            w.Line("goto finished;");
            w.Unindent();
            return;
        }

        var success = state.Transitions.Where(t => !t.OnFailure).ToList();
        var unguardedSeen = false;
        foreach (var transition in success)
        {
            if (transition.Guard is not null)
            {
                w.Line("if (" + MachineEmitter.Call(transition.Guard, "data", "cancellationToken") + ")");
                w.Line("{");
                w.Indent();
                EmitTake(w, state, transition);
                w.Unindent();
                w.Line("}");
                w.Line();
            }
            else
            {
                EmitTake(w, state, transition);
                unguardedSeen = true;
                break;
            }
        }

        if (!unguardedSeen)
        {
            w.Line("throw new global::System.InvalidOperationException(\"No transition from '" + state.Name + "' was permitted: every guard was false.\");");
        }

        w.Unindent();
    }

    /// <summary>
    /// Saga semantics in one run: after an unhandled failure, the compensation of every completed [Compensate] state
    /// runs, most recently completed first. A compensation that throws is reported to OnError and kept in the result;
    /// the others still run.
    /// </summary>
    private static void EmitCompensation(CodeWriter w, List<StateModel> compensated)
    {
        var mask = (1 << RecoveryEmitter.StackEntryBits) - 1;
        w.Line("// No failure route took it: undo every completed [Compensate] state, most recent first (a saga within one run).");
        using (w.Block("while (compensationDone != 0)"))
        {
            w.Line("var index = (int)(compensationStack & 0x" + mask.ToString("X") + "UL);");
            w.Line("compensationStack >>= " + RecoveryEmitter.StackEntryBits + ";");
            w.Line("compensationDone &= ~(1u << index);");
            w.Line("var compensating = state;");
            using (w.Block("try"))
            {
                using (w.Block("switch (index)"))
                {
                    for (var i = 0; i < compensated.Count; i++)
                    {
                        var call = compensated[i].Recovery!.Compensation!;
                        w.Line("case " + i + ":");
                        w.Indent();
                        w.Line("compensating = StateId." + Identifier.Escape(compensated[i].Name) + ";");
                        w.Line(MachineEmitter.Call(call, "data", "cancellationToken") + ";");
                        w.Line("break;");
                        w.Unindent();
                    }
                }

                w.Line("compensationCount++;");
            }

            w.Line("catch (global::System.Exception compensationFailure) when (!(compensationFailure is global::System.OperationCanceledException && cancellationToken.IsCancellationRequested))");
            w.Line("{");
            w.Indent();
            w.Line("OnError(compensating, compensationFailure);");
            w.Line("compensationError ??= compensationFailure;");
            w.Unindent();
            w.Line("}");
        }
    }

    private static void EmitTake(CodeWriter w, StateModel state, TransitionModel transition)
    {
        var hasWork = state.Exit is not null || transition.Transform is not null || transition.Push is not null;
        if (hasWork)
        {
            using (w.Block("if (error is null)"))
            {
                if (state.Exit is not null) w.Line(MachineEmitter.Call(state.Exit, "data", "cancellationToken") + ";");
                if (transition.Transform is not null) w.Line("data = " + MachineEmitter.Call(transition.Transform, "data", "cancellationToken") + ";");
                if (transition.Push is not null) EmitPush(w, transition.Push);
            }
        }

        w.Line("OnExit(StateId." + Identifier.Escape(state.Name) + ");");
        w.Line("next = StateId." + Identifier.Escape(transition.To) + ";");
        w.Line("break;");
    }

    public static void EmitPush(CodeWriter w, PushInfo push)
    {
        var field = PushField(push.GlobalName);
        var run = push.IsAllSync
            ? "(" + field + " ??= new " + push.GlobalName + "()).Run(data)"
            : "await (" + field + " ??= new " + push.GlobalName + "()).RunAsync(data, cancellationToken).ConfigureAwait(false)";
        w.Line("var subflow = " + run + ";");
        w.Line("// A failed subflow is a failure of this state, with the subflow's own exception, so failure routes apply to it.");
        w.Line("if (subflow.Error is not null) global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(subflow.Error).Throw();");
        w.Line("data = subflow.Data;");
    }

    private static void EmitExecution(CodeWriter w, MachineModel machine, string result, string data)
    {
        var name = machine.Hierarchy.Name;
        w.Line("/// <summary>A run driven one state at a time, for debugging and tests.</summary>");
        using (w.Block("public sealed class Execution"))
        {
            w.Line("private readonly " + name + " _machine;");
            w.Line("private Cursor _cursor;");
            w.Line();
            w.Line("internal Execution(" + name + " machine, Cursor cursor)");
            w.Line("{");
            w.Line("    _machine = machine;");
            w.Line("    _cursor = cursor;");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>The state the next step runs (or the final state, once completed).</summary>");
            w.Line("public StateId State => _cursor.State;");
            w.Line();
            w.Line("/// <summary>The record as it is now.</summary>");
            w.Line("public " + data + " Data => _cursor.Data;");
            w.Line();
            w.Line("/// <summary>True once an end state ran (or the run stopped on a failure).</summary>");
            w.Line("public bool IsCompleted => _cursor.Completed;");
            w.Line();
            w.Line("/// <summary>The unhandled failure so far, or null.</summary>");
            w.Line("public global::System.Exception? Error => _cursor.Error;");
            w.Line();
            w.Line("/// <summary>The outcome so far (final once <see cref=\"IsCompleted\"/>).</summary>");
            w.Line("public " + result + " Result => Finish(_cursor);");
            w.Line();
            if (machine.IsAllSync)
            {
                w.Line("/// <summary>Runs the current state and its transition. Returns false once the run is complete.</summary>");
                using (w.Block("public bool Step()"))
                {
                    w.Line("if (!_cursor.Completed) _cursor = _machine.Advance(_cursor, 1, default);");
                    w.Line("return !_cursor.Completed;");
                }

                w.Line();
                w.Line("/// <summary>Runs to the end.</summary>");
                using (w.Block("public " + result + " Continue()"))
                {
                    w.Line("if (!_cursor.Completed) _cursor = _machine.Advance(_cursor, int.MaxValue, default);");
                    w.Line("return Finish(_cursor);");
                }

                w.Line();
            }

            var vt = "global::System.Threading.Tasks.ValueTask";
            w.Line("/// <summary>Runs the current state and its transition. Returns false once the run is complete.</summary>");
            if (!HasAsyncLoop(machine))
            {
                using (w.Block("public " + vt + "<bool> StepAsync(global::System.Threading.CancellationToken cancellationToken = default)"))
                {
                    w.Line("if (!_cursor.Completed) _cursor = _machine.Advance(_cursor, 1, cancellationToken);");
                    w.Line("return new " + vt + "<bool>(!_cursor.Completed);");
                }

                w.Line();
                w.Line("/// <summary>Runs to the end.</summary>");
                using (w.Block("public " + vt + "<" + result + "> ContinueAsync(global::System.Threading.CancellationToken cancellationToken = default)"))
                {
                    w.Line("if (!_cursor.Completed) _cursor = _machine.Advance(_cursor, int.MaxValue, cancellationToken);");
                    w.Line("return new " + vt + "<" + result + ">(Finish(_cursor));");
                }

                return;
            }

            using (w.Block("public async " + vt + "<bool> StepAsync(global::System.Threading.CancellationToken cancellationToken = default)"))
            {
                w.Line("if (!_cursor.Completed) _cursor = await _machine.AdvanceAsync(_cursor, 1, cancellationToken).ConfigureAwait(false);");
                w.Line("return !_cursor.Completed;");
            }

            w.Line();
            w.Line("/// <summary>Runs to the end.</summary>");
            using (w.Block("public async " + vt + "<" + result + "> ContinueAsync(global::System.Threading.CancellationToken cancellationToken = default)"))
            {
                w.Line("if (!_cursor.Completed) _cursor = await _machine.AdvanceAsync(_cursor, int.MaxValue, cancellationToken).ConfigureAwait(false);");
                w.Line("return Finish(_cursor);");
            }
        }
    }
}
