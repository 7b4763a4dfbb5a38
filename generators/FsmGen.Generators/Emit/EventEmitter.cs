using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Model;

namespace FsmGen.Generators.Emit;

/// <summary>
/// Writes the executor of an event-driven machine. Hierarchy is resolved at generation time: for every (current state,
/// trigger) pair the candidate transitions (own, then inherited from ancestors) and the exact exit/entry sequence are
/// unrolled into the switch, so a hierarchical transition costs only the actions it runs.
/// </summary>
internal static class EventEmitter
{
    public static void Emit(CodeWriter w, MachineModel machine)
    {
        var trigger = machine.TriggerType!;
        var byName = machine.States.ToDictionary(s => s.Name);
        w.Line("private StateId _current = StateId." + Identifier.Escape(machine.StartState) + ";");
        w.Line();
        w.Line("/// <summary>The current state. A new machine is in the start state; its entry action has not run.</summary>");
        w.Line("public StateId Current => _current;");
        w.Line();
        w.Line("private static readonly " + trigger + "[] AllTriggers = new " + trigger + "[] { " + string.Join(", ", machine.TriggerMembers.Select(m => trigger + "." + Identifier.Escape(m))) + " };");
        w.Line();
        EmitRestoreAndIsIn(w, machine);
        var guardsAreSync = machine.States.SelectMany(s => s.Transitions).All(t => t.Guard?.IsAsync != true);
        if (machine.IsAllSync)
        {
            EmitPublicSync(w, trigger);
            EmitFire(w, machine, byName);
            EmitFireAsyncOverSync(w, trigger);
        }
        else
        {
            EmitPublicAsync(w, trigger);
            AsyncFireEmitter.Emit(w, machine, byName);
        }

        if (guardsAreSync)
        {
            EmitPermittedSync(w, trigger);
            EmitCanFire(w, machine, byName, isAsync: false);
            EmitCanFireAsyncOverSync(w, trigger);
        }
        else
        {
            EmitCanFire(w, machine, byName, isAsync: true);
        }

        EmitPolicies(w, machine, trigger);
    }

    private static void EmitRestoreAndIsIn(CodeWriter w, MachineModel machine)
    {
        w.Line("/// <summary>Puts the machine in a saved state without running entry or exit actions (pair with <see cref=\"Current\"/> to save).</summary>");
        using (w.Block("public void Restore(StateId state)"))
        {
            w.Line("if ((uint)state >= " + machine.States.Count + "u) throw new global::System.ArgumentOutOfRangeException(nameof(state), state, \"Not a state of " + machine.Hierarchy.Name + ".\");");
            w.Line("_current = state;");
        }

        w.Line();
        w.Line("/// <summary>True when the current state is <paramref name=\"state\"/> or one of its sub-states.</summary>");
        using (w.Block("public bool IsIn(StateId state)"))
        {
            var hasParents = machine.States.Any(s => s.Parent is not null);
            if (!hasParents)
            {
                w.Line("return _current == state;");
            }
            else
            {
                using (w.Block("for (StateId? current = _current; current is not null; current = ParentOf(current.Value))"))
                {
                    w.Line("if (current.Value == state) return true;");
                }

                w.Line("return false;");
            }
        }

        w.Line();
        if (machine.States.Any(s => s.Parent is not null))
        {
            w.Line("/// <summary>The enclosing state of <paramref name=\"state\"/>, or null for a top-level state.</summary>");
            using (w.Block("public static StateId? ParentOf(StateId state)"))
            {
                using (w.Block("switch (state)"))
                {
                    foreach (var s in machine.States.Where(s => s.Parent is not null))
                    {
                        w.Line("case StateId." + Identifier.Escape(s.Name) + ": return StateId." + Identifier.Escape(s.Parent!) + ";");
                    }

                    w.Line("default: return null;");
                }
            }

            w.Line();
        }
    }

    private static void EmitPublicSync(CodeWriter w, string trigger)
    {
        w.Line("/// <summary>Fires a trigger: runs the first permitted transition (exit actions, transition action, entry actions). Returns false when the trigger was ignored by policy.</summary>");
        // Inlining lets the JIT drop the policy flag and the call itself; the switch is small and the cold paths are out of line.
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        w.Line("public bool Fire(" + trigger + " trigger) => FireCore(trigger, strict: true);");
        w.Line();
        w.Line("/// <summary>Like <see cref=\"Fire\"/>, but returns false instead of throwing when the trigger cannot be acted on.</summary>");
w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        w.Line("public bool TryFire(" + trigger + " trigger) => FireCore(trigger, strict: false);");
        w.Line();
    }

    private static void EmitPermittedSync(CodeWriter w, string trigger)
    {
        w.Line("/// <summary>The triggers that would move the machine now (guards evaluated).</summary>");
        using (w.Block("public " + trigger + "[] GetPermittedTriggers()"))
        {
            w.Line("var permitted = new global::System.Collections.Generic.List<" + trigger + ">();");
            w.Line("foreach (var trigger in AllTriggers) if (CanFire(trigger)) permitted.Add(trigger);");
            w.Line("return permitted.ToArray();");
        }

        w.Line();
    }

    private static void EmitFireAsyncOverSync(CodeWriter w, string trigger)
    {
        var vt = "global::System.Threading.Tasks.ValueTask<bool>";
        w.Line("/// <summary>Fires a trigger. Every member of this machine is synchronous, so this completes synchronously (a cancelled token gives a cancelled task).</summary>");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        using (w.Block("public " + vt + " FireAsync(" + trigger + " trigger, global::System.Threading.CancellationToken cancellationToken = default)"))
        {
            w.Line("if (cancellationToken.IsCancellationRequested) return global::System.Threading.Tasks.ValueTask.FromCanceled<bool>(cancellationToken);");
            w.Line("return new " + vt + "(FireCore(trigger, strict: true));");
        }

        w.Line();
    }

    private static void EmitCanFireAsyncOverSync(CodeWriter w, string trigger)
    {
        var vt = "global::System.Threading.Tasks.ValueTask<bool>";
        w.Line("/// <summary>Whether the trigger would move the machine now. Every guard is synchronous, so this completes synchronously.</summary>");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        w.Line("public " + vt + " CanFireAsync(" + trigger + " trigger, global::System.Threading.CancellationToken cancellationToken = default) => new " + vt + "(CanFire(trigger));");
        w.Line();
    }

    private static void EmitPublicAsync(CodeWriter w, string trigger)
    {
        var vt = "global::System.Threading.Tasks.ValueTask<bool>";
        var ct = "global::System.Threading.CancellationToken cancellationToken = default";
        const string inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
        w.Line("/// <summary>");
        w.Line("/// Fires a trigger, awaiting async guards and actions; completes synchronously, allocating nothing, when they all do.");
        w.Line("/// Returns false when the trigger was ignored by policy. A guard or action that throws before returning its task");
        w.Line("/// throws from this call (as from Fire); cancellation, policy failures and failed tasks surface from the returned task.");
        w.Line("/// </summary>");
        w.Line(inline);
        w.Line("public " + vt + " FireAsync(" + trigger + " trigger, " + ct + ") => FireCoreAsync(trigger, true, cancellationToken);");
        w.Line();
        w.Line("/// <summary>Like <see cref=\"FireAsync\"/>, but returns false instead of failing when the trigger cannot be acted on.</summary>");
        w.Line(inline);
        w.Line("public " + vt + " TryFireAsync(" + trigger + " trigger, " + ct + ") => FireCoreAsync(trigger, false, cancellationToken);");
        w.Line();
        w.Line("/// <summary>The triggers that would move the machine now (guards evaluated).</summary>");
        using (w.Block("public async global::System.Threading.Tasks.ValueTask<" + trigger + "[]> GetPermittedTriggersAsync(" + ct + ")"))
        {
            w.Line("var permitted = new global::System.Collections.Generic.List<" + trigger + ">();");
            w.Line("foreach (var trigger in AllTriggers) if (await CanFireAsync(trigger, cancellationToken).ConfigureAwait(false)) permitted.Add(trigger);");
            w.Line("return permitted.ToArray();");
        }

        w.Line();
    }

    /// <summary>The transitions that can answer <paramref name="trigger"/> in <paramref name="state"/>: its own first, then its ancestors'.</summary>
    internal static List<(StateModel Owner, TransitionModel Transition)> Candidates(StateModel state, string trigger, Dictionary<string, StateModel> byName)
    {
        var result = new List<(StateModel, TransitionModel)>();
        for (var owner = state; owner is not null; owner = owner.Parent is null ? null : byName[owner.Parent])
        {
            foreach (var transition in owner.Transitions)
            {
                if (transition.Trigger == trigger) result.Add((owner, transition));
            }
        }

        return result;
    }

    private static void EmitFire(CodeWriter w, MachineModel machine, Dictionary<string, StateModel> byName)
    {
        var trigger = machine.TriggerType!;
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        using (w.Block("private bool FireCore(" + trigger + " trigger, bool strict)"))
        {
            const string ct = "global::System.Threading.CancellationToken.None";
            using (SwitchOnCurrent(w, machine))
            {
                foreach (var state in machine.States)
                {
                    var perTrigger = machine.TriggerMembers.Select(t => (Trigger: t, Candidates: Candidates(state, t, byName))).Where(p => p.Candidates.Count > 0).ToList();
                    if (perTrigger.Count == 0) continue;
                    w.Line("case StateId." + Identifier.Escape(state.Name) + ":");
                    w.Indent();
                    using (w.Block("switch (trigger)"))
                    {
                        foreach (var (triggerName, candidates) in perTrigger)
                        {
                            w.Line("case " + trigger + "." + Identifier.Escape(triggerName) + ":");
                            w.Indent();
                            var unguarded = false;
                            foreach (var (owner, transition) in candidates)
                            {
                                if (transition.Guard is not null)
                                {
                                    w.Line("if (" + MachineEmitter.Call(transition.Guard, "", ct) + ")");
                                    w.Line("{");
                                    w.Indent();
                                    EmitTransition(w, machine, byName, state, owner, transition, triggerName, ct);
                                    w.Unindent();
                                    w.Line("}");
                                    w.Line();
                                }
                                else
                                {
                                    EmitTransition(w, machine, byName, state, owner, transition, triggerName, ct);
                                    unguarded = true;
                                    break;
                                }
                            }

                            if (!unguarded)
                            {
                                // Under the Ignore policy a false guard is just "not moved": no call on the hot path.
                                w.Line(machine.ThrowOnGuardFailure ? "return GuardFailed(trigger, strict);" : "return false;");
                            }

                            w.Unindent();
                        }
                    }

                    w.Line("break;");
                    w.Unindent();
                }
            }

            w.Line(machine.ThrowOnUnknownTrigger ? "return Unhandled(trigger, strict);" : "return false;");
        }

        w.Line();
    }

    private static void EmitTransition(CodeWriter w, MachineModel machine, Dictionary<string, StateModel> byName, StateModel current, StateModel owner, TransitionModel transition, string triggerName, string ct)
    {
        foreach (var step in TransitionSteps(machine, byName, current, owner, transition, triggerName, ct, isAsync: false))
        {
            w.Line(step.Kind == FireStepKind.Return ? "return " + step.Code + ";" : step.Code);
        }
    }

    /// <summary>
    /// The steps of taking one transition from <paramref name="current"/>: exits up to the boundary (UML order), the
    /// transform, the state change and hooks, entries down to the target, then <c>return true</c>.
    /// </summary>
    internal static List<FireStep> TransitionSteps(MachineModel machine, Dictionary<string, StateModel> byName, StateModel current, StateModel owner, TransitionModel transition, string triggerName, string ct, bool isAsync)
    {
        var steps = new List<FireStep>();
        var target = byName[transition.To];
        var boundary = TransitionBoundary(owner, target, byName);
        // Exit from the current (innermost) state up to, not including, the boundary: UML exit order.
        for (var leaving = current; leaving is not null && leaving.Name != boundary; leaving = leaving.Parent is null ? null : byName[leaving.Parent])
        {
            if (leaving.Exit is not null) steps.Add(Action(leaving.Exit, ct));
            steps.Add(FireStep.Statement("OnExit(StateId." + Identifier.Escape(leaving.Name) + ");"));
        }

        if (transition.Transform is not null) steps.Add(Action(transition.Transform, ct));
        steps.Add(FireStep.Statement("_current = StateId." + Identifier.Escape(target.Name) + ";"));
        steps.Add(FireStep.Statement("OnTransition(StateId." + Identifier.Escape(current.Name) + ", StateId." + Identifier.Escape(target.Name) + ", " + machine.TriggerType + "." + Identifier.Escape(triggerName) + ");"));
        if (machine.History > 0)
        {
            steps.Add(FireStep.Statement("History.Add(new global::FsmGen.StateTransition<StateId, " + machine.TriggerType + ">(StateId." + Identifier.Escape(current.Name) + ", StateId." + Identifier.Escape(target.Name) + ", " + machine.TriggerType + "." + Identifier.Escape(triggerName) + "));"));
        }

        // Enter from just below the boundary down to the target: outermost first.
        var entering = new List<StateModel>();
        for (var s = target; s is not null && s.Name != boundary; s = s.Parent is null ? null : byName[s.Parent]) entering.Insert(0, s);
        foreach (var s in entering)
        {
            steps.Add(FireStep.Statement("OnEnter(StateId." + Identifier.Escape(s.Name) + ");"));
            if (RecoveryEmitter.EntryActionInvocation(s, isAsync, ct) is { } throughPipeline)
            {
                // Async machines run every pipeline through ExecuteAsync, which returns a ValueTask.
                steps.Add(isAsync ? FireStep.Await(throughPipeline, Awaitable.ValueTask) : FireStep.Statement(throughPipeline + ";"));
            }
            else
            {
                steps.Add(Action(s.Body, ct));
            }
        }

        steps.Add(FireStep.Return("true"));
        return steps;
    }

    private static FireStep Action(MethodCall call, string ct) =>
        call.IsAsync ? FireStep.Await(MachineEmitter.Invocation(call, "", ct), call.Awaitable) : FireStep.Statement(MachineEmitter.Call(call, "", ct) + ";");

    /// <summary>
    /// The innermost state that properly contains both the transition's source and target (null for the root).
    /// External semantics: a self-transition, or one to an ancestor, exits and re-enters that state.
    /// </summary>
    private static string? TransitionBoundary(StateModel source, StateModel target, Dictionary<string, StateModel> byName)
    {
        var sourceAncestors = new HashSet<string>();
        for (var s = source.Parent; s is not null; s = byName[s].Parent) sourceAncestors.Add(s);
        for (var t = target.Parent; t is not null; t = byName[t].Parent)
        {
            if (sourceAncestors.Contains(t)) return t;
        }

        return null;
    }

    /// <summary>Opens <c>switch (_current)</c>, or nothing when no state has a transition: an empty switch is warning CS1522.</summary>
    internal static System.IDisposable? SwitchOnCurrent(CodeWriter w, MachineModel machine) =>
        machine.States.Any(s => s.Transitions.Count > 0) ? w.Block("switch (_current)") : null;

    private static void EmitCanFire(CodeWriter w, MachineModel machine, Dictionary<string, StateModel> byName, bool isAsync)
    {
        var trigger = machine.TriggerType!;
        var signature = isAsync
            ? "public async global::System.Threading.Tasks.ValueTask<bool> CanFireAsync(" + trigger + " trigger, global::System.Threading.CancellationToken cancellationToken = default)"
            : "public bool CanFire(" + trigger + " trigger)";
        var ct = isAsync ? "cancellationToken" : "global::System.Threading.CancellationToken.None";
        w.Line("/// <summary>Whether the trigger would move the machine now (guards evaluated; no action runs).</summary>");
        if (!isAsync) w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        using (w.Block(signature))
        {
            using (SwitchOnCurrent(w, machine))
            {
                foreach (var state in machine.States)
                {
                    var perTrigger = machine.TriggerMembers.Select(t => (Trigger: t, Candidates: Candidates(state, t, byName))).Where(p => p.Candidates.Count > 0).ToList();
                    if (perTrigger.Count == 0) continue;
                    w.Line("case StateId." + Identifier.Escape(state.Name) + ":");
                    w.Indent();
                    using (w.Block("switch (trigger)"))
                    {
                        foreach (var (triggerName, candidates) in perTrigger)
                        {
                            w.Line("case " + trigger + "." + Identifier.Escape(triggerName) + ":");
                            w.Indent();
                            var unguarded = false;
                            foreach (var (_, transition) in candidates)
                            {
                                if (transition.Guard is null)
                                {
                                    w.Line("return true;");
                                    unguarded = true;
                                    break;
                                }

                                w.Line("if (" + MachineEmitter.Call(transition.Guard, "", ct) + ") return true;");
                            }

                            if (!unguarded) w.Line("return false;");
                            w.Unindent();
                        }
                    }

                    w.Line("break;");
                    w.Unindent();
                }
            }

            w.Line("return false;");
        }

        w.Line();
    }

    private static void EmitPolicies(CodeWriter w, MachineModel machine, string trigger)
    {
        var name = machine.Hierarchy.Name;
        w.Line("// Cold paths: kept out of line so Fire stays small enough to inline its callers' switch.");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        using (w.Block("private bool Unhandled(" + trigger + " trigger, bool strict)"))
        {
            if (machine.ThrowOnUnknownTrigger)
            {
                w.Line("if (strict) throw new global::System.InvalidOperationException(\"" + name + " cannot handle trigger '\" + trigger.ToString() + \"' in state '\" + _current.ToString() + \"': no transition of that state or its ancestors uses it.\");");
            }

            w.Line("return false;");
        }

        w.Line();
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        using (w.Block("private bool GuardFailed(" + trigger + " trigger, bool strict)"))
        {
            if (machine.ThrowOnGuardFailure)
            {
                w.Line("if (strict) throw new global::System.InvalidOperationException(\"" + name + " cannot fire '\" + trigger.ToString() + \"' in state '\" + _current.ToString() + \"': every guard of its transitions was false.\");");
            }

            w.Line("return false;");
        }
    }
}
