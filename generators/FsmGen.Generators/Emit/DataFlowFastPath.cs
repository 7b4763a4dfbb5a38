using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Model;

namespace FsmGen.Generators.Emit;

/// <summary>
/// The straight-line executor behind Run/RunAsync: the graph is known at compile time, so each state is a block of
/// code and each transition a <c>goto</c> to its target's block; no state switch, no cursor, no per-state bookkeeping
/// beyond a step count. The first exception hands the run, exactly where it stood, to the general cursor loop
/// (<c>Advance</c>), which owns failure routing and skipping ahead; so the fast path only ever runs the success path.
/// </summary>
internal static class DataFlowFastPath
{
    /// <summary>Compensation bookkeeping lives in the cursor, so machines with [Compensate] states keep the general loop.</summary>
    public static bool Applies(MachineModel machine) => RecoveryEmitter.Compensated(machine).Count == 0;

    /// <summary>
    /// RunOrThrow, the fast path with no try/catch (so the JIT can inline it like a hand-written chain of calls): only
    /// where no failure handling is declared, since failure routes, RunOnFailure states and compensations need a catch.
    /// </summary>
    public static bool AppliesWithoutCatch(MachineModel machine) => machine.IsAllSync && DeclaresNoFailureHandling(machine);

    /// <summary>
    /// RunOrThrowAsync: over RunOrThrow when nothing needs awaiting; otherwise (async members, or recovery pipelines, whose
    /// retry delays must be awaited rather than slept) the async fast path without its catch.
    /// </summary>
    public static bool AppliesWithoutCatchAsync(MachineModel machine) =>
        DeclaresNoFailureHandling(machine) && (IsSyncOnly(machine) || DataFlowAsyncFastPath.Applies(machine));

    /// <summary>All members synchronous and no recovery pipeline: the async entry points can complete over the sync run.</summary>
    public static bool IsSyncOnly(MachineModel machine) => machine.IsAllSync && !RecoveryEmitter.HasPipelines(machine);

    private static bool DeclaresNoFailureHandling(MachineModel machine) =>
        Applies(machine) && !machine.States.Any(s => s.RunOnFailure || s.Transitions.Any(t => t.OnFailure));

    /// <summary>RunOrThrowAsync of an all-sync machine: RunOrThrow in a completed task (a cancelled token gives a cancelled one).</summary>
    public static void EmitWithoutCatchAsyncOverSync(CodeWriter w, MachineModel machine, string result)
    {
        var valueTask = "global::System.Threading.Tasks.ValueTask<" + result + ">";
        w.Line("/// <summary>Like <see cref=\"RunOrThrow\"/>; every member is synchronous, so this completes synchronously.</summary>");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        using (w.Block("public " + valueTask + " RunOrThrowAsync(" + machine.DataType + " input, global::System.Threading.CancellationToken cancellationToken = default)"))
        {
            w.Line("if (cancellationToken.IsCancellationRequested) return global::System.Threading.Tasks.ValueTask.FromCanceled<" + result + ">(cancellationToken);");
            w.Line("return new " + valueTask + "(RunOrThrow(input));");
        }

        w.Line();
    }

    public static void EmitWithoutCatch(CodeWriter w, MachineModel machine, string result)
    {
        var data = machine.DataType!;
        var checkSteps = HasCycle(machine) || machine.States.Count > machine.MaxSteps;
        w.Line("/// <summary>");
        w.Line("/// Runs one record like <see cref=\"Run\"/>, but a failure is thrown, not returned: an exception from a state, guard or");
        w.Line("/// transform propagates unchanged (OnError is not called). No try/catch, so this inlines like a hand-written chain of calls.");
        w.Line("/// </summary>");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        using (w.Block("public " + result + " RunOrThrow(" + data + " input)"))
        {
            w.Line("var cancellationToken = global::System.Threading.CancellationToken.None;");
            // The state is only needed for the MaxSteps message; an unread local would be a warning in the consumer.
            if (checkSteps) w.Line("var state = StateId." + Identifier.Escape(machine.StartState) + ";");
            w.Line("var data = input;");
            w.Line("var steps = 0;");
            FlatSteps.WriteInline(w, RunSteps.Build(machine, result, isAsync: false, checkSteps ? RunTracking.State : RunTracking.None, out _));
            if (checkSteps)
            {
                w.Line("tooManySteps:");
                w.Line("throw new global::System.InvalidOperationException(" + TooManyStepsMessage(machine) + ");");
            }
        }

        w.Line();
    }

    internal static string TooManyStepsMessage(MachineModel machine, string state = "state") =>
        "\"" + machine.Hierarchy.Name + " visited more than " + machine.MaxSteps + " states in one run (MaxSteps); it was in '\" + " + state + ".ToString() + \"'.\"";

    /// <summary>The result of a run stopped by MaxSteps, as the general loop reports it.</summary>
    internal static string TooManyStepsResult(MachineModel machine, string state = "state") =>
        "Finish(new Cursor { State = " + state + ", Data = data, Steps = steps, Completed = true, FailedState = " + state + ", Error = new global::System.InvalidOperationException("
        + TooManyStepsMessage(machine, state) + ") })";

    public static void Emit(CodeWriter w, MachineModel machine, string result, bool isAsync)
    {
        if (isAsync && DataFlowAsyncFastPath.Applies(machine)) DataFlowAsyncFastPath.Emit(w, machine, result);
        else if (isAsync) EmitRunAsync(w, machine, result);
        else EmitRun(w, machine, result);
        EmitRecover(w, machine, result, isAsync);
    }

    /// <summary>
    /// Run's fast path. A method with a catch is never inlined, so this is always a real call; what it can save is the
    /// catch's price on the success path, see <see cref="RunTracking.Committed"/>.
    /// </summary>
    private static void EmitRun(CodeWriter w, MachineModel machine, string result)
    {
        var data = machine.DataType!;
        var exits = new List<(string Label, string Value)>();
        var steps = RunSteps.Build(machine, result, isAsync: false, RunTracking.Committed, out var checkSteps, exits);
        var state = RunSteps.ProgressState(machine);
        using (w.Block("private " + result + " RunFast(" + data + " input)"))
        {
            // Members that take a token get CancellationToken.None, as Run promises no cancellation.
            w.Line("var cancellationToken = global::System.Threading.CancellationToken.None;");
            w.Line("// What a failure hands over: the state and step count in progress, the record in input (kept in memory, as the");
            w.Line("// catch reads them); the blocks work on data and steps, which stay in registers.");
            w.Line("var progress = 0L;");
            w.Line("var data = input;");
            w.Line("var steps = 0;");
            w.Line("global::System.Exception failure;");
            using (w.Block("try"))
            {
                // The start state first (it runs without a jump); then every state some success transition jumps to.
                // States reached only through failure routes run in the general loop and get no block here.
                FlatSteps.WriteInline(w, steps);
            }

            using (w.Block("catch (global::System.Exception exception)"))
            {
                w.Line("failure = exception;");
            }

            // Out of line: the hand-over builds a cursor the hot path should not have to zero or carry. After the catch, not
            // in it: its result is then written straight to the caller's, and this frame holds no temporary for it.
            w.Line();
            w.Line("return Recover(" + state + ", input, " + RunSteps.ProgressSteps(machine) + ", failure);");

            foreach (var (label, value) in exits)
            {
                w.Line();
                w.Line(label + ":");
                w.Line("return " + value + ";");
            }

            if (checkSteps)
            {
                w.Line();
                w.Line("tooManySteps:");
                w.Line("return " + TooManyStepsResult(machine, "(" + state + ")") + ";");
            }
        }

        w.Line();
    }

    /// <summary>RunAsync of a machine the async fast path does not take: an async method over the same blocks.</summary>
    private static void EmitRunAsync(CodeWriter w, MachineModel machine, string result)
    {
        var data = machine.DataType!;
        var checkSteps = HasCycle(machine) || machine.States.Count > machine.MaxSteps;
        using (w.Block("private async global::System.Threading.Tasks.ValueTask<" + result + "> RunFastAsync(" + data + " input, global::System.Threading.CancellationToken cancellationToken)"))
        {
            w.Line("var state = StateId." + Identifier.Escape(machine.StartState) + ";");
            w.Line("var data = input;");
            w.Line("var steps = 0;");
            using (w.Block("try"))
            {
                // The start state first (it runs without a jump); then every state some success transition jumps to.
                // States reached only through failure routes run in the general loop and get no block here.
                FlatSteps.WriteInline(w, RunSteps.Build(machine, result, isAsync: true, RunTracking.State, out _));
            }

            w.Line("catch (global::System.Exception exception) when (!(exception is global::System.OperationCanceledException && cancellationToken.IsCancellationRequested))");
            w.Line("{");
            // Out of line: the hand-over builds a cursor the hot path should not have to zero or carry.
            w.Line("    return await RecoverAsync(state, data, steps, exception, cancellationToken).ConfigureAwait(false);");
            w.Line("}");
            if (checkSteps)
            {
                w.Line();
                w.Line("tooManySteps:");
                w.Line("return " + TooManyStepsResult(machine) + ";");
            }
        }

        w.Line();
    }

    private static void EmitRecover(CodeWriter w, MachineModel machine, string result, bool isAsync)
    {
        var data = machine.DataType!;
        var recover = isAsync
            ? "private global::System.Threading.Tasks.ValueTask<" + result + "> RecoverAsync(StateId state, " + data + " data, int steps, global::System.Exception exception, global::System.Threading.CancellationToken cancellationToken)"
            : "private " + result + " Recover(StateId state, " + data + " data, int steps, global::System.Exception exception)";
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        using (w.Block(recover))
        {
            EmitHandOver(w, machine, isAsync);
        }

        w.Line();
        if (isAsync)
        {
            w.Line("private static async global::System.Threading.Tasks.ValueTask<" + result + "> FinishAsync(global::System.Threading.Tasks.ValueTask<Cursor> running) => Finish(await running.ConfigureAwait(false));");
            w.Line();
        }
    }

    internal static IEnumerable<TransitionModel> SuccessPath(StateModel state)
    {
        foreach (var transition in state.Transitions)
        {
            if (transition.OnFailure) continue;
            yield return transition;
            if (transition.Guard is null) yield break; // later ones are never taken
        }
    }

    /// <summary>Mirrors the general loop's catch: a failure route continues there; otherwise the run skips ahead from the failed state.</summary>
    private static void EmitHandOver(CodeWriter w, MachineModel machine, bool isAsync)
    {
        var advance = isAsync
            ? "return FinishAsync(AdvanceAsync(cursor, int.MaxValue, cancellationToken));"
            : "return Finish(Advance(cursor, int.MaxValue, default));";
        w.Line("OnError(state, exception);");
        w.Line("var cursor = new Cursor { State = state, Data = data, Steps = steps };");
        DataFlowEmitter.EmitFailureRoutes(w, machine, "cursor.HandledError", "cursor.State", advance);
        w.Line("cursor.Error = exception;");
        w.Line("cursor.FailedState = state;");
        w.Line("cursor.Resuming = true;");
        w.Line("cursor.Steps--; // the general loop counts the failed state again when it re-enters it");
        w.Line(advance);
    }

    internal static string Label(string state) => "state_" + state;

    /// <summary>The states a success transition jumps to, among those the success path can reach from the start.</summary>
    internal static HashSet<string> JumpTargets(StateModel start, Dictionary<string, StateModel> byName)
    {
        var targets = new HashSet<string>();
        var reached = new HashSet<string> { start.Name };
        var queue = new Queue<StateModel>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            if (state.IsEnd) continue;
            foreach (var transition in SuccessPath(state))
            {
                targets.Add(transition.To);
                if (reached.Add(transition.To)) queue.Enqueue(byName[transition.To]);
            }
        }

        return targets;
    }

    /// <summary>Whether success transitions can revisit a state; only then can a run exceed MaxSteps.</summary>
    internal static bool HasCycle(MachineModel machine)
    {
        var byName = machine.States.ToDictionary(s => s.Name);
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        bool Visit(string name)
        {
            if (done.Contains(name)) return false;
            if (!visiting.Add(name)) return true;
            foreach (var transition in byName[name].IsEnd ? Enumerable.Empty<TransitionModel>() : SuccessPath(byName[name]))
            {
                if (Visit(transition.To)) return true;
            }

            visiting.Remove(name);
            done.Add(name);
            return false;
        }

        return machine.States.Any(s => Visit(s.Name));
    }
}
