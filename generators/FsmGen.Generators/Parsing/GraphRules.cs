using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Diagnostics;
using FsmGen.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Generators.Parsing;

/// <summary>
/// The rules about the shape of the graph: hierarchy, end states, dead ends, shadowed transitions, reachability,
/// certain infinite loops. Runs only once every reference resolved, so targets and parents are known states.
/// </summary>
internal sealed class GraphRules
{
    private readonly string _machine;
    private readonly MachineKind _kind;
    private readonly IReadOnlyList<RawState> _states;
    private readonly Dictionary<string, RawState> _byName;
    private readonly HashSet<string> _parents;
    private readonly List<DiagnosticInfo> _diagnostics;

    public GraphRules(string machine, MachineKind kind, IReadOnlyList<RawState> states, List<DiagnosticInfo> diagnostics)
    {
        _machine = machine;
        _kind = kind;
        _states = states;
        _byName = states.ToDictionary(s => s.Name);
        _parents = new HashSet<string>(states.Where(s => s.Parent is not null).Select(s => s.Parent!));
        _diagnostics = diagnostics;
    }

    public void Check()
    {
        if (!CheckHierarchy()) return;
        foreach (var state in _states)
        {
            CheckExits(state);
            CheckShadowing(state);
        }

        var start = _states.First(s => s.IsStart);
        var reachable = Reachable(start);
        foreach (var state in _states)
        {
            if (!reachable.Contains(state.Name)) Report(DiagnosticDescriptors.UnreachableState, state.Location, state.Name, start.Name);
        }

        if (_kind == MachineKind.DataFlow)
        {
            if (!_states.Any(s => s.IsEnd && reachable.Contains(s.Name))) Report(DiagnosticDescriptors.NoPathToEnd, start.Location, start.Name, _machine);
            CheckUnconditionalCycles();
        }
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    private bool CheckHierarchy()
    {
        var ok = true;
        foreach (var state in _states)
        {
            if (state.Parent is null) continue;
            var seen = new HashSet<string> { state.Name };
            for (var parent = state.Parent; parent is not null; parent = _byName[parent].Parent)
            {
                if (!seen.Add(parent))
                {
                    if (parent == state.Name) Report(DiagnosticDescriptors.HierarchyCycle, state.Location, state.Name);
                    ok = false;
                    break;
                }
            }
        }

        return ok;
    }

    private IEnumerable<RawState> SelfAndAncestors(RawState state)
    {
        for (var current = state; current is not null; current = current.Parent is null ? null : _byName[current.Parent])
        {
            yield return current;
        }
    }

    private IEnumerable<RawTransition> Outgoing(RawState state) => _kind == MachineKind.EventDriven
        ? SelfAndAncestors(state).SelectMany(s => s.Transitions)
        : state.Transitions;

    private void CheckExits(RawState state)
    {
        if (state.IsEnd)
        {
            if (state.Transitions.Count > 0) Report(DiagnosticDescriptors.EndStateWithTransitions, state.Location, state.Name);
            return;
        }

        // A composite state is left through its sub-states, so only leaves need a way out of their own or inherited.
        var isComposite = _parents.Contains(state.Name);
        var hasWayOut = Outgoing(state).Any(t => !t.OnFailure);
        if (!hasWayOut && !isComposite) Report(DiagnosticDescriptors.DeadEnd, state.Location, state.Name);
    }

    private void CheckShadowing(RawState state)
    {
        // One success transition cannot shadow another.
        if (state.Transitions.Count(t => !t.OnFailure) < 2) return;
        foreach (var group in state.Transitions.Where(t => !t.OnFailure).GroupBy(TriggerKey))
        {
            var list = group.ToList();
            var firstUnguarded = list.FindIndex(t => t.When is null);
            if (firstUnguarded < 0 || firstUnguarded == list.Count - 1) continue;
            var shadowed = list[firstUnguarded + 1];
            var on = group.Key.Length == 0 ? "" : " on '" + AttributeReader.TriggerText(state, list[firstUnguarded]) + "'";
            Report(DiagnosticDescriptors.AmbiguousTransitions, shadowed.Location, state.Name, on, list[firstUnguarded].To!, shadowed.To!);
        }
    }

    /// <summary>
    /// Groups a state's transitions by trigger value. A state's transitions are all read the same way, by symbols (the
    /// constant's text) or by syntax (the member that names the value), and either way equal values give equal keys.
    /// </summary>
    private static string TriggerKey(RawTransition transition) =>
        transition.OnMember ?? (transition.On is { } on && !on.IsNull ? on.ToCSharpString() : "");

    private HashSet<string> Reachable(RawState start)
    {
        var seen = new HashSet<string> { start.Name };
        var queue = new Queue<RawState>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            foreach (var transition in Outgoing(queue.Dequeue()))
            {
                if (seen.Add(transition.To!)) queue.Enqueue(_byName[transition.To!]);
            }
        }

        // A composite state counts as reached when one of its sub-states is.
        foreach (var state in _states)
        {
            if (seen.Contains(state.Name))
            {
                foreach (var ancestor in SelfAndAncestors(state)) seen.Add(ancestor.Name);
            }
        }

        return seen;
    }

    /// <summary>A state whose first success transition is unguarded always moves to the same successor; a cycle of those never ends.</summary>
    private void CheckUnconditionalCycles()
    {
        var forced = new Dictionary<string, string>();
        foreach (var state in _states)
        {
            var first = state.Transitions.FirstOrDefault(t => !t.OnFailure);
            if (first is not null && first.When is null) forced[state.Name] = first.To!;
        }

        var reported = new HashSet<string>();
        foreach (var state in _states)
        {
            var path = new List<string>();
            var current = state.Name;
            while (forced.TryGetValue(current, out var next) && !path.Contains(current) && !reported.Contains(current))
            {
                path.Add(current);
                current = next;
            }

            var loopStart = path.IndexOf(current);
            if (loopStart < 0) continue;
            var cycle = path.Skip(loopStart).ToList();
            foreach (var name in cycle) reported.Add(name);
            Report(DiagnosticDescriptors.UnconditionalCycle, _byName[cycle[0]].Location, string.Join(" -> ", cycle.Concat(new[] { cycle[0] }).Select(n => "'" + n + "'")));
        }
    }
}
