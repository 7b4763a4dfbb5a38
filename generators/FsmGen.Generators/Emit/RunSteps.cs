using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Model;

namespace FsmGen.Generators.Emit;

/// <summary>What the blocks of a run record for the code that reads them after a failure.</summary>
internal enum RunTracking
{
    /// <summary>Only the step count (no catch, no MaxSteps check: nothing reads more).</summary>
    None,

    /// <summary>The state in <c>state</c> and the count in <c>steps</c>, as they change.</summary>
    State,

    /// <summary>
    /// For a catch that should cost nothing on the success path (Run's fast path, synchronous). A local the catch reads
    /// is kept in memory, not in a register, at every change; so the blocks work on <c>data</c> and <c>steps</c>, which
    /// the catch never reads, and leave it two things: <c>progress</c> (the count above the state's bits: one store per
    /// block, usually of a constant) and <c>input</c>, the record as of the last member that returned one (copied after
    /// each, and only where more code follows). The end states' returns are written after the try (see the exits of
    /// <see cref="RunSteps.Build"/>): a value returned inside a try is built in a temporary and copied out.
    /// </summary>
    Committed,
}

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
    /// <paramref name="tracking"/> says what the blocks record for the code that runs after a failure (see <see cref="RunTracking"/>).
    /// With <paramref name="exits"/>, an end state's block jumps to a label instead of returning, and the label with the
    /// value it returns is added there, for the caller to write after its try (see <see cref="RunTracking.Committed"/>).
    /// </summary>
    public static List<FireStep> Build(
        MachineModel machine, string result, bool isAsync, RunTracking tracking, out bool checkSteps, List<(string Label, string Value)>? exits = null)
    {
        var byName = machine.States.ToDictionary(s => s.Name);
        var start = byName[machine.StartState];
        var targets = DataFlowFastPath.JumpTargets(start, byName);
        var run = new Run(machine, result, isAsync, tracking, DataFlowFastPath.HasCycle(machine) || machine.States.Count > machine.MaxSteps, exits);
        run.AddState(start, targets.Contains(start.Name));
        foreach (var state in machine.States)
        {
            if (state != start && targets.Contains(state.Name)) run.AddState(state, hasLabel: true);
        }

        checkSteps = run.CheckSteps;
        return run.Steps;
    }

    /// <summary>How many low bits of <c>progress</c> hold the state (<see cref="RunTracking.Committed"/>): enough for the highest StateId.</summary>
    public static int StateBits(MachineModel machine)
    {
        var bits = 0;
        while ((1 << bits) < machine.States.Count) bits++;
        return bits;
    }

    /// <summary>The state in <c>progress</c>, for the code after a failure.</summary>
    public static string ProgressState(MachineModel machine) =>
        "(StateId)(progress & " + Number((1 << StateBits(machine)) - 1) + ")";

    /// <summary>The step count in <c>progress</c>.</summary>
    public static string ProgressSteps(MachineModel machine) => "(int)(progress >> " + Number(StateBits(machine)) + ")";

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One build: its settings and the steps so far.</summary>
    private sealed class Run
    {
        private readonly MachineModel _machine;
        private readonly string _result;
        private readonly bool _isAsync;
        private readonly RunTracking _tracking;
        private readonly List<(string Label, string Value)>? _exits;

        public Run(MachineModel machine, string result, bool isAsync, RunTracking tracking, bool checkSteps, List<(string Label, string Value)>? exits)
        {
            _machine = machine;
            _result = result;
            _isAsync = isAsync;
            _tracking = tracking;
            CheckSteps = checkSteps;
            _exits = exits;
        }

        public List<FireStep> Steps { get; } = new();

        public bool CheckSteps { get; }

        public void AddState(StateModel state, bool hasLabel)
        {
            var machine = _machine;
            var steps = Steps;
            var id = "StateId." + Identifier.Escape(state.Name);
            if (hasLabel) steps.Add(FireStep.LabelAt(DataFlowFastPath.Label(state.Name)));
            if (_tracking == RunTracking.Committed)
            {
                // One store for the catch: the count above the state's bits (the count is known here in most blocks, so
                // this is usually a constant). The check reads the register copy.
                steps.Add(FireStep.Statement("progress = (long)++steps << " + Number(StateBits(machine)) + " | (int)" + id + ";"));
                if (CheckSteps) steps.Add(FireStep.Statement("if (steps > " + Number(machine.MaxSteps) + ") goto tooManySteps;"));
            }
            else
            {
                if (_tracking == RunTracking.State) steps.Add(FireStep.Statement("state = " + id + ";"));
                // The synchronous run has no token: its callers check once before the run (nothing in between could observe it).
                if (_isAsync) steps.Add(FireStep.CheckCancellation());
                steps.Add(FireStep.Statement(CheckSteps ? "if (++steps > " + Number(machine.MaxSteps) + ") goto tooManySteps;" : "steps++;"));
            }

            steps.Add(FireStep.Statement("OnEnter(" + id + ");"));
            var body = state.Body;
            if (RecoveryEmitter.DataFlowBody(state, machine.DataType!, _isAsync, awaited: false) is { } throughPipeline)
            {
                // ExecuteAsync returns a ValueTask (of the record when the body returns it).
                if (!_isAsync) steps.Add(FireStep.Statement((body.ReturnsValue ? "data = " : "") + throughPipeline + ";"));
                else steps.Add(body.ReturnsValue ? FireStep.AwaitData(throughPipeline, Awaitable.ValueTask) : FireStep.Await(throughPipeline, Awaitable.ValueTask));
            }
            else
            {
                steps.Add(Call(body));
            }

            if (state.IsEnd)
            {
                var value = "new " + _result + "(" + id + ", data, " + Literal.Bool(state.EmitOutput) + ", null, null, null, steps)";
                if (_exits is null)
                {
                    steps.Add(FireStep.Return(value));
                    return;
                }

                var label = "return_" + state.Name;
                _exits.Add((label, value));
                steps.Add(FireStep.Statement("goto " + label + ";"));
                return;
            }

            // The body's record, for a failure in a guard or in what the transition runs.
            if (body.ReturnsValue) Commit();
            var unguarded = false;
            var candidate = 0;
            foreach (var transition in DataFlowFastPath.SuccessPath(state))
            {
                if (transition.Guard is null)
                {
                    AddTake(state, transition);
                    unguarded = true;
                    break;
                }

                var next = "next_" + state.Name + "_" + Number(candidate++);
                var guard = transition.Guard;
                steps.Add(FireStep.Guard(guard.IsAsync ? MachineEmitter.Invocation(guard, "data", Token) : MachineEmitter.Call(guard, "data", Token), guard.Awaitable, next));
                AddTake(state, transition);
                steps.Add(FireStep.LabelAt(next));
            }

            if (!unguarded)
            {
                steps.Add(FireStep.Statement("throw new global::System.InvalidOperationException(\"No transition from '" + state.Name + "' was permitted: every guard was false.\");"));
            }
        }

        /// <summary>After a member that returned the record: the copy a failure reports (<see cref="RunTracking.Committed"/>).</summary>
        private void Commit()
        {
            if (_tracking == RunTracking.Committed) Steps.Add(FireStep.Statement("input = data;"));
        }

        private void AddTake(StateModel state, TransitionModel transition)
        {
            var steps = Steps;
            var from = "StateId." + Identifier.Escape(state.Name);
            var to = "StateId." + Identifier.Escape(transition.To);
            if (state.Exit is not null)
            {
                steps.Add(Call(state.Exit));
                if (state.Exit.ReturnsValue) Commit();
            }

            if (transition.Transform is not null)
            {
                steps.Add(Call(transition.Transform));
                if (transition.Transform.ReturnsValue) Commit();
            }

            if (transition.Push is not null)
            {
                // Its own scope: several transitions may push. An async subflow's await is written inline, so only the
                // async method (not the fast path: DataFlowAsyncFastPath.Applies) takes machines that have one.
                var lines = new CodeWriter();
                using (lines.Block("")) DataFlowEmitter.EmitPush(lines, transition.Push);
                foreach (var line in lines.ToString().TrimEnd('\n').Split('\n')) steps.Add(FireStep.Statement(line));
                Commit();
            }

            steps.Add(FireStep.Statement("OnExit(" + from + ");"));
            steps.Add(FireStep.Statement("OnTransition(" + from + ", " + to + ");"));
            if (_machine.History > 0) steps.Add(FireStep.Statement("History.Add(new global::FsmGen.StateTransition<StateId>(" + from + ", " + to + "));"));
            steps.Add(FireStep.Statement("goto " + DataFlowFastPath.Label(transition.To) + ";"));
        }
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
