using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Model;

namespace FsmGen.Generators.Emit;

/// <summary>
/// The straight-line run of a data-flow machine as <see cref="FireStep"/>s: one block per state (hooks, body, guards,
/// transforms, a jump per transition), shared by Run's fast path, RunOrThrow, and both async fast paths.
/// </summary>
internal static class RunSteps
{
    private const string Token = "cancellationToken";

    /// <summary>
    /// The run as a flat list: the start block, then every block a success transition jumps to. Members are awaited
    /// steps when <paramref name="isAsync"/> (recovery pipelines through ExecuteAsync), plain calls otherwise;
    /// <paramref name="trackState"/> false leaves out the state assignments (nothing reads them without a catch or MaxSteps).
    /// </summary>
    public static List<FireStep> Build(MachineModel machine, string result, bool isAsync, bool trackState, out bool checkSteps)
    {
        var byName = machine.States.ToDictionary(s => s.Name);
        var start = byName[machine.StartState];
        var targets = DataFlowFastPath.JumpTargets(start, byName);
        checkSteps = DataFlowFastPath.HasCycle(machine) || machine.States.Count > machine.MaxSteps;
        var steps = new List<FireStep>();
        AddState(steps, machine, start, targets.Contains(start.Name), checkSteps, result, isAsync, trackState);
        foreach (var state in machine.States)
        {
            if (state != start && targets.Contains(state.Name)) AddState(steps, machine, state, hasLabel: true, checkSteps, result, isAsync, trackState);
        }

        return steps;
    }

    private static void AddState(List<FireStep> steps, MachineModel machine, StateModel state, bool hasLabel, bool checkSteps, string result, bool isAsync, bool trackState)
    {
        var id = "StateId." + Identifier.Escape(state.Name);
        if (hasLabel) steps.Add(FireStep.LabelAt(DataFlowFastPath.Label(state.Name)));
        if (trackState) steps.Add(FireStep.Statement("state = " + id + ";"));
        // The synchronous run has no token: its callers check once before the run (nothing in between could observe it).
        if (isAsync) steps.Add(FireStep.CheckCancellation());
        steps.Add(FireStep.Statement(checkSteps ? "if (++steps > " + machine.MaxSteps + ") goto tooManySteps;" : "steps++;"));
        steps.Add(FireStep.Statement("OnEnter(" + id + ");"));
        var body = state.Body;
        if (RecoveryEmitter.DataFlowBody(state, machine.DataType!, isAsync, awaited: false) is { } throughPipeline)
        {
            // ExecuteAsync returns a ValueTask (of the record when the body returns it).
            if (!isAsync) steps.Add(FireStep.Statement((body.ReturnsValue ? "data = " : "") + throughPipeline + ";"));
            else steps.Add(body.ReturnsValue ? FireStep.AwaitData(throughPipeline, Awaitable.ValueTask) : FireStep.Await(throughPipeline, Awaitable.ValueTask));
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
            // Its own scope: several transitions may push. An async subflow's await is written inline, so only the
            // async method (not the fast path: DataFlowAsyncFastPath.Applies) takes machines that have one.
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
