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
    private const string Token = "cancellationToken";

    /// <summary>A subflow's RunAsync result would need its own kind of pending task; such machines keep the async method.</summary>
    public static bool Applies(MachineModel machine) =>
        !machine.States.Any(s => s.Transitions.Any(t => t.Push is { IsAllSync: false }));

    public static void Emit(CodeWriter w, MachineModel machine, string result)
    {
        var data = machine.DataType!;
        var steps = RunSteps(machine, result, out var checkSteps);
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
        var steps = RunSteps(machine, result, out var checkSteps);
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

    /// <summary>The run as a flat list: the start block, then every block a success transition jumps to.</summary>
    private static List<FireStep> RunSteps(MachineModel machine, string result, out bool checkSteps)
    {
        var byName = machine.States.ToDictionary(s => s.Name);
        var start = byName[machine.StartState];
        var targets = DataFlowFastPath.JumpTargets(start, byName);
        checkSteps = DataFlowFastPath.HasCycle(machine) || machine.States.Count > machine.MaxSteps;
        var steps = new List<FireStep>();
        AddState(steps, machine, start, targets.Contains(start.Name), checkSteps, result);
        foreach (var state in machine.States)
        {
            if (state != start && targets.Contains(state.Name)) AddState(steps, machine, state, hasLabel: true, checkSteps, result);
        }

        return steps;
    }

    private static void AddState(List<FireStep> steps, MachineModel machine, StateModel state, bool hasLabel, bool checkSteps, string result)
    {
        var id = "StateId." + Identifier.Escape(state.Name);
        if (hasLabel) steps.Add(FireStep.LabelAt(DataFlowFastPath.Label(state.Name)));
        steps.Add(FireStep.Statement("state = " + id + ";"));
        steps.Add(FireStep.CheckCancellation());
        steps.Add(FireStep.Statement(checkSteps ? "if (++steps > " + machine.MaxSteps + ") goto tooManySteps;" : "steps++;"));
        steps.Add(FireStep.Statement("OnEnter(" + id + ");"));
        var body = state.Body;
        if (RecoveryEmitter.DataFlowBody(state, machine.DataType!, isAsync: true, awaited: false) is { } throughPipeline)
        {
            // ExecuteAsync returns a ValueTask (of the record when the body returns it).
            steps.Add(body.ReturnsValue ? FireStep.AwaitData(throughPipeline, Awaitable.ValueTask) : FireStep.Await(throughPipeline, Awaitable.ValueTask));
        }
        else
        {
            steps.Add(Call(body));
        }

        if (state.IsEnd)
        {
            steps.Add(FireStep.Return("new " + result + "(" + id + ", data, " + Literal.Bool(state.EmitOutput) + ", null, null, null, steps)"));
            return;
        }

        var unguarded = false;
        var candidate = 0;
        foreach (var transition in DataFlowFastPath.SuccessPath(state))
        {
            if (transition.Guard is null)
            {
                AddTake(steps, machine, state, transition);
                unguarded = true;
                break;
            }

            var next = "next_" + state.Name + "_" + candidate++.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var guard = transition.Guard;
            steps.Add(FireStep.Guard(guard.IsAsync ? MachineEmitter.Invocation(guard, "data", Token) : MachineEmitter.Call(guard, "data", Token), guard.Awaitable, next));
            AddTake(steps, machine, state, transition);
            steps.Add(FireStep.LabelAt(next));
        }

        if (!unguarded)
        {
            steps.Add(FireStep.Statement("throw new global::System.InvalidOperationException(\"No transition from '" + state.Name + "' was permitted: every guard was false.\");"));
        }
    }

    private static void AddTake(List<FireStep> steps, MachineModel machine, StateModel state, TransitionModel transition)
    {
        var from = "StateId." + Identifier.Escape(state.Name);
        var to = "StateId." + Identifier.Escape(transition.To);
        if (state.Exit is not null) steps.Add(Call(state.Exit));
        if (transition.Transform is not null) steps.Add(Call(transition.Transform));
        if (transition.Push is not null)
        {
            // Only synchronous subflows here (Applies); its own scope: several transitions may push.
            var lines = new CodeWriter();
            using (lines.Block("")) DataFlowEmitter.EmitPush(lines, transition.Push);
            foreach (var line in lines.ToString().TrimEnd('\n').Split('\n')) steps.Add(FireStep.Statement(line));
        }

        steps.Add(FireStep.Statement("OnExit(" + from + ");"));
        steps.Add(FireStep.Statement("OnTransition(" + from + ", " + to + ");"));
        if (machine.History > 0) steps.Add(FireStep.Statement("History.Add(new global::FsmGen.StateTransition<StateId>(" + from + ", " + to + "));"));
        steps.Add(FireStep.Statement("goto " + DataFlowFastPath.Label(transition.To) + ";"));
    }

    /// <summary>A body, exit or transform: awaited when async; its result becomes the record when it returns one.</summary>
    private static FireStep Call(MethodCall call)
    {
        if (call.IsAsync)
        {
            var invocation = MachineEmitter.Invocation(call, "data", Token);
            return call.ReturnsValue ? FireStep.AwaitData(invocation, call.Awaitable) : FireStep.Await(invocation, call.Awaitable);
        }

        var sync = MachineEmitter.Call(call, "data", Token);
        return FireStep.Statement(call.ReturnsValue ? "data = " + sync + ";" : sync + ";");
    }
}
