using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Model;
using static FsmGen.Generators.Patterns.FileProcessingNames;

namespace FsmGen.Generators.Patterns;

/// <summary>
/// The state graph of a FileProcessing class, with only the stages it has slot methods for:
/// Parse -> [Validate] -> [Filter] -> [Transform] -> [Aggregate] -> Written. Every stage goes to Invalid when the record
/// failed (priority 1, tried first), Filter to Filtered when a filter left it out; Filtered and Invalid emit nothing.
/// The graph is valid by construction: every state is reachable and every path ends.
/// </summary>
internal static class FileProcessingGraph
{
    public static MachineModel Build(HierarchyInfo hierarchy, FileProcessingPart part)
    {
        var stages = new List<string> { ParseState };
        foreach (var kind in new[] { SlotKind.Validate, SlotKind.Filter, SlotKind.Transform, SlotKind.Aggregate })
        {
            if (part.Slots.Any(s => s.Kind == kind)) stages.Add(StateOf(kind));
        }

        var states = new List<StateModel>();
        for (var i = 0; i < stages.Count; i++)
        {
            var state = stages[i];
            var next = i + 1 < stages.Count ? stages[i + 1] : WrittenState;
            var transitions = new List<TransitionModel> { Route(InvalidState, Guard(FileProcessingNames.IsInvalid), 1) };
            if (state == FilterState) transitions.Add(Route(FilteredState, Guard(FileProcessingNames.IsFilteredOut), 1));
            transitions.Add(Route(next, null, 0));
            var isAsync = IsAsync(part, state);
            var body = new MethodCall(StageMethod(state), TakesData: true, TakesCancellation: isAsync, isAsync ? Awaitable.ValueTask : Awaitable.None, ReturnsValue: false);
            states.Add(new StateModel(state, i == 0, false, true, false, null, body, null, transitions.ToEquatableArray()));
        }

        states.Add(End(WrittenState, emits: true));
        if (stages.Contains(FilterState)) states.Add(End(FilteredState, emits: false));
        states.Add(End(InvalidState, emits: false));

        var dataType = FileRecord + "<" + part.RecordType + ">";
        return new MachineModel(hierarchy, MachineKind.DataFlow, dataType, null, EquatableArray<string>.Empty,
            ThrowOnUnknownTrigger: true, ThrowOnGuardFailure: true, History: 0, MaxSteps: 100, states.ToEquatableArray(), IsAllSync: states.All(s => !s.Body.IsAsync));
    }

    /// <summary>Whether the state method of <paramref name="state"/> awaits (any of its slot methods is async).</summary>
    public static bool IsAsync(FileProcessingPart part, string state) =>
        part.Slots.Any(s => StateOf(s.Kind) == state && s.Call.IsAsync);

    private static MethodCall Guard(string name) => new(name, TakesData: true, TakesCancellation: false, Awaitable.None, ReturnsValue: true);

    private static TransitionModel Route(string to, MethodCall? guard, int priority) => new(to, guard, null, priority, null, false, null, null);

    private static StateModel End(string name, bool emits) =>
        new(name, false, true, emits, false, null, new MethodCall(EndMethod(name), true, false, Awaitable.None, false), null, EquatableArray<TransitionModel>.Empty);
}
