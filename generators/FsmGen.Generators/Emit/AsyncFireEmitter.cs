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
    private const string ValueTask = FlatSteps.ValueTask;
    private const string ValueTaskOfBool = FlatSteps.ValueTaskOfBool;

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
            FlatSteps.DeclarePending(w, steps, dataType: null);
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
                            Flat(fireCase).WriteFast(w);
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

    /// <summary>The async continuation of one case: entered with the pending task of async step <c>resumeAt</c> (1-based).</summary>
    private static void EmitContinuation(CodeWriter w, MachineModel machine, FireCase fireCase)
    {
        var flat = Flat(fireCase);
        using (w.Block("private async " + FlatSteps.ValueTaskOfBool + " " + fireCase.ResumeMethod + "(" + flat.PendingParameters + ", " + machine.TriggerType + " trigger, bool strict, global::System.Threading.CancellationToken cancellationToken)"))
        {
            flat.WriteContinuation(w);
        }

        w.Line();
    }

    private static FlatSteps Flat(FireCase fireCase) =>
        new(fireCase.Steps, dataType: null, "bool", fireCase.ResumeMethod ?? "", ", trigger, strict, cancellationToken");

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
}
