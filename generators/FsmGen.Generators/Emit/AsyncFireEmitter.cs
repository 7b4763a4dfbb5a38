using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Model;

namespace FsmGen.Generators.Emit;

/// <summary>
/// Writes <c>FireCoreAsync</c> of a machine with async members as a synchronous fast path plus continuations.
/// <para>
/// <c>FireCoreAsync</c> is not an async method: it calls each guard and action and, while the returned task has already
/// completed successfully, takes its result and goes on, so a fire whose members complete synchronously runs no async
/// state machine and allocates nothing. The first task that is really pending (or faulted) is handed, with the point
/// reached, to a per-(state, trigger) async continuation that awaits it and finishes the fire.
/// </para>
/// <para>
/// The fast path has no try/catch so that the JIT can inline it into the caller (measured: a try/catch kept it out of
/// line at about 4x the cost). So a member that throws before returning its task throws from the call, as from
/// <c>Fire</c>; cancellation, trigger-policy failures and failed tasks surface from the returned task.
/// </para>
/// </summary>
internal static class AsyncFireEmitter
{
    private const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    private const string ValueTaskOfBool = "global::System.Threading.Tasks.ValueTask<bool>";

    /// <summary>The continuation methods are named this plus a number; the prefix is reserved (GeneratedMembers).</summary>
    public const string ResumePrefix = "FireCoreAsyncResume";

    public const string UnhandledName = "FireCoreAsyncUnhandled";

    public const string GuardFailedName = "FireCoreAsyncGuardFailed";

    public static void Emit(CodeWriter w, MachineModel machine, Dictionary<string, StateModel> byName)
    {
        var cases = CollectCases(machine, byName);
        EmitFastPath(w, machine, cases);
        foreach (var fireCase in cases.Where(c => c.ResumeMethod is not null)) EmitContinuation(w, machine, fireCase);
        EmitPolicyFailures(w, machine);
    }

    private sealed class FireCase
    {
        public FireCase(StateModel state, string trigger, List<FireStep> steps, string? resumeMethod)
        {
            State = state;
            Trigger = trigger;
            Steps = steps;
            ResumeMethod = resumeMethod;
        }

        public StateModel State { get; }

        public string Trigger { get; }

        public List<FireStep> Steps { get; }

        /// <summary>The continuation's name, or null when every step of this case is synchronous.</summary>
        public string? ResumeMethod { get; }
    }

    private static List<FireCase> CollectCases(MachineModel machine, Dictionary<string, StateModel> byName)
    {
        var cases = new List<FireCase>();
        foreach (var state in machine.States)
        {
            foreach (var trigger in machine.TriggerMembers)
            {
                var candidates = EventEmitter.Candidates(state, trigger, byName);
                if (candidates.Count == 0) continue;
                var steps = CaseSteps(machine, byName, state, trigger, candidates, "case" + cases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var resume = steps.Any(s => s.IsAsync) ? ResumePrefix + cases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                cases.Add(new FireCase(state, trigger, steps, resume));
            }
        }

        return cases;
    }

    /// <summary>The candidates in order as one flat list: a false guard jumps to the next candidate's label.</summary>
    private static List<FireStep> CaseSteps(MachineModel machine, Dictionary<string, StateModel> byName, StateModel state, string trigger, List<(StateModel Owner, TransitionModel Transition)> candidates, string labelPrefix)
    {
        const string ct = "cancellationToken";
        var steps = new List<FireStep>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var (owner, transition) = candidates[i];
            var guard = transition.Guard;
            if (guard is null)
            {
                steps.AddRange(EventEmitter.TransitionSteps(machine, byName, state, owner, transition, trigger, ct, isAsync: true));
                return steps;
            }

            var next = labelPrefix + "_next" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            steps.Add(FireStep.Guard(guard.IsAsync ? MachineEmitter.Invocation(guard, "", ct) : MachineEmitter.Call(guard, "", ct), guard.Awaitable, next));
            steps.AddRange(EventEmitter.TransitionSteps(machine, byName, state, owner, transition, trigger, ct, isAsync: true));
            steps.Add(FireStep.LabelAt(next));
        }

        // Under the Ignore policy a false guard is just "not moved".
        steps.Add(FireStep.Return(machine.ThrowOnGuardFailure ? "GuardFailed(trigger, strict)" : "false", machine.ThrowOnGuardFailure ? GuardFailedName + "(trigger, strict)" : null));
        return steps;
    }

    private static void EmitFastPath(CodeWriter w, MachineModel machine, List<FireCase> cases)
    {
        var trigger = machine.TriggerType!;
        var steps = cases.SelectMany(c => c.Steps).ToList();
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        using (w.Block("private " + ValueTaskOfBool + " FireCoreAsync(" + trigger + " trigger, bool strict, global::System.Threading.CancellationToken cancellationToken)"))
        {
            w.Line("if (cancellationToken.IsCancellationRequested) return " + ValueTask + ".FromCanceled<bool>(cancellationToken);");
            if (steps.Any(s => s.IsAsync && s.Kind == FireStepKind.Guard)) w.Line(ValueTaskOfBool + " pendingGuard;");
            if (steps.Any(s => s.IsAsync && s.Kind == FireStepKind.AwaitAction)) w.Line(ValueTask + " pendingAction;");
            using (EventEmitter.SwitchOnCurrent(w, machine))
            {
                foreach (var group in cases.GroupBy(c => c.State.Name))
                {
                    w.Line("case StateId." + Identifier.Escape(group.Key) + ":");
                    w.Indent();
                    using (w.Block("switch (trigger)"))
                    {
                        foreach (var fireCase in group)
                        {
                            w.Line("case " + trigger + "." + Identifier.Escape(fireCase.Trigger) + ":");
                            w.Indent();
                            WriteFast(w, fireCase);
                            w.Unindent();
                        }
                    }

                    w.Line("break;");
                    w.Unindent();
                }
            }

            w.Line("return " + (machine.ThrowOnUnknownTrigger ? UnhandledName + "(trigger, strict)" : "new " + ValueTaskOfBool + "(false)") + ";");
        }

        w.Line();
    }

    private static void WriteFast(CodeWriter w, FireCase fireCase)
    {
        var site = 0;
        foreach (var step in fireCase.Steps)
        {
            switch (step.Kind)
            {
                case FireStepKind.Statement:
                    w.Line(step.Code);
                    break;
                case FireStepKind.Label:
                    w.Line(step.Label + ":");
                    break;
                case FireStepKind.Return:
                    w.Line("return " + (step.FastCode ?? "new " + ValueTaskOfBool + "(" + step.Code + ")") + ";");
                    break;
                case FireStepKind.Guard when !step.IsAsync:
                    w.Line("if (!" + step.Code + ") goto " + step.Label + ";");
                    break;
                case FireStepKind.Guard:
                    site++;
                    w.Line("pendingGuard = " + AsValueTask(step, ValueTaskOfBool) + ";");
                    w.Line("if (!pendingGuard.IsCompletedSuccessfully) return " + fireCase.ResumeMethod + "(" + Site(site) + ", pendingGuard, default, trigger, strict, cancellationToken);");
                    w.Line("if (!pendingGuard.Result) goto " + step.Label + ";");
                    break;
                case FireStepKind.AwaitAction:
                    site++;
                    w.Line("pendingAction = " + AsValueTask(step, ValueTask) + ";");
                    w.Line("if (!pendingAction.IsCompletedSuccessfully) return " + fireCase.ResumeMethod + "(" + Site(site) + ", default, pendingAction, trigger, strict, cancellationToken);");
                    // Consumes the ValueTask (a pooled IValueTaskSource must be observed exactly once).
                    w.Line("pendingAction.GetAwaiter().GetResult();");
                    break;
            }
        }
    }

    /// <summary>
    /// The async continuation of one case: entered with the pending task of async step <c>resumeAt</c> (1-based), it
    /// awaits it and runs the remaining steps, awaiting each async one. Only the code reachable from a resume point is
    /// written (unreachable code or unused labels would be warnings in the consumer).
    /// </summary>
    private static void EmitContinuation(CodeWriter w, MachineModel machine, FireCase fireCase)
    {
        var trigger = machine.TriggerType!;
        var steps = fireCase.Steps;
        var first = steps.FindIndex(s => s.IsAsync);
        var sites = steps.Count(s => s.IsAsync);
        using (w.Block("private async " + ValueTaskOfBool + " " + fireCase.ResumeMethod + "(int resumeAt, " + ValueTaskOfBool + " pendingGuard, " + ValueTask + " pendingAction, " + trigger + " trigger, bool strict, global::System.Threading.CancellationToken cancellationToken)"))
        {
            if (sites > 1)
            {
                using (w.Block("switch (resumeAt)"))
                {
                    for (var k = 2; k <= sites; k++) w.Line("case " + Site(k) + ": goto resume" + Site(k) + ";");
                }
            }

            // Entering with resumeAt == 1 (or any value the switch does not take) falls through to the first async step.
            var reachable = true;
            var referenced = new HashSet<string>();
            var site = 0;
            for (var i = first; i < steps.Count; i++)
            {
                var step = steps[i];
                switch (step.Kind)
                {
                    case FireStepKind.Label:
                        // A label is reached only by the guard jumps written above it.
                        reachable = referenced.Contains(step.Label!);
                        if (reachable) w.Line(step.Label + ":");
                        break;
                    case FireStepKind.Statement when reachable:
                        w.Line(step.Code);
                        break;
                    case FireStepKind.Return when reachable:
                        w.Line("return " + step.Code + ";");
                        reachable = false;
                        break;
                    case FireStepKind.Guard when reachable && !step.IsAsync:
                        w.Line("if (!" + step.Code + ") goto " + step.Label + ";");
                        referenced.Add(step.Label!);
                        break;
                    case FireStepKind.Guard when step.IsAsync:
                        site++;
                        WriteResumePoint(w, site, reachable, "pendingGuard = " + AsValueTask(step, ValueTaskOfBool) + ";");
                        w.Line("if (!await pendingGuard.ConfigureAwait(false)) goto " + step.Label + ";");
                        referenced.Add(step.Label!);
                        reachable = true;
                        break;
                    case FireStepKind.AwaitAction:
                        site++;
                        WriteResumePoint(w, site, reachable, "pendingAction = " + AsValueTask(step, ValueTask) + ";");
                        w.Line("await pendingAction.ConfigureAwait(false);");
                        reachable = true;
                        break;
                }
            }
        }

        w.Line();
    }

    /// <summary>
    /// Before the await of async step <paramref name="site"/>: the call that starts it (only when the code above can fall
    /// through to it; site 1 comes in as a parameter) and the label the entry switch jumps to.
    /// </summary>
    private static void WriteResumePoint(CodeWriter w, int site, bool reachable, string start)
    {
        if (site == 1) return;
        if (reachable) w.Line(start);
        w.Line("resume" + Site(site) + ":");
    }

    /// <summary>
    /// The Throw policies of the fast path, out of line: the exception goes into the returned task (as an async method
    /// would put it), TryFireAsync gets false.
    /// </summary>
    private static void EmitPolicyFailures(CodeWriter w, MachineModel machine)
    {
        var trigger = machine.TriggerType!;
        foreach (var (name, policy, applies) in new[] { (UnhandledName, "Unhandled", machine.ThrowOnUnknownTrigger), (GuardFailedName, "GuardFailed", machine.ThrowOnGuardFailure) })
        {
            if (!applies) continue;
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            using (w.Block("private " + ValueTaskOfBool + " " + name + "(" + trigger + " trigger, bool strict)"))
            {
                using (w.Block("try"))
                {
                    w.Line("return new " + ValueTaskOfBool + "(" + policy + "(trigger, strict));");
                }

                using (w.Block("catch (global::System.InvalidOperationException exception)"))
                {
                    w.Line("return " + ValueTask + ".FromException<bool>(exception);");
                }
            }

            w.Line();
        }
    }

    /// <summary>Task-returning members are wrapped (no allocation) so one local type serves both.</summary>
    private static string AsValueTask(FireStep step, string valueTaskType) =>
        step.Awaitable == Awaitable.Task ? "new " + valueTaskType + "(" + step.Code + ")" : step.Code;

    private static string Site(int site) => site.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
