using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Model;
using static FsmGen.Generators.Patterns.EtlNames;

namespace FsmGen.Generators.Patterns;

/// <summary>
/// The state graph of an Etl class, with only the stages it has slot methods for:
/// Extract -> [Validate] -> [Transform] -> [Enrich] -> Load -> Complete. Validate goes to Rejected when a validation
/// returned false; every stage goes to Error when the record failed (both priority 1, tried first). Rejected and Error
/// emit nothing. The graph is valid by construction: every state is reachable and every path ends.
/// </summary>
internal static class EtlGraph
{
    public static MachineModel Build(HierarchyInfo hierarchy, EtlPart part)
    {
        var stages = new List<string> { ExtractState };
        foreach (var kind in new[] { EtlSlotKind.Validate, EtlSlotKind.Transform, EtlSlotKind.Enrich })
        {
            if (part.Slots.Any(s => s.Kind == kind)) stages.Add(StateOf(kind));
        }

        stages.Add(LoadState);
        var states = new List<StateModel>();
        for (var i = 0; i < stages.Count; i++)
        {
            var state = stages[i];
            var next = i + 1 < stages.Count ? stages[i + 1] : CompleteState;
            var transitions = new List<TransitionModel>();
            if (state == ValidateState) transitions.Add(Route(RejectedState, Guard(EtlNames.RecordRejected), 1));
            transitions.Add(Route(ErrorState, Guard(EtlNames.RecordFailed), 1));
            transitions.Add(Route(next, null, 0));
            var isAsync = IsAsync(part, state);
            var body = new MethodCall(StageMethod(state), TakesData: true, TakesCancellation: isAsync, isAsync ? Awaitable.ValueTask : Awaitable.None, ReturnsValue: false);
            states.Add(new StateModel(state, i == 0, false, true, false, null, body, null, transitions.ToEquatableArray()));
        }

        states.Add(End(CompleteState, emits: true));
        if (stages.Contains(ValidateState)) states.Add(End(RejectedState, emits: false));
        states.Add(End(ErrorState, emits: false));

        var dataType = EtlRecord + "<" + part.RecordType + ">";
        return new MachineModel(hierarchy, MachineKind.DataFlow, dataType, null, EquatableArray<string>.Empty,
            ThrowOnUnknownTrigger: true, ThrowOnGuardFailure: true, History: 0, MaxSteps: 100, states.ToEquatableArray(), IsAllSync: states.All(s => !s.Body.IsAsync));
    }

    /// <summary>Whether the state method of <paramref name="state"/> awaits (any of its slot methods is async).</summary>
    public static bool IsAsync(EtlPart part, string state) =>
        part.Slots.Any(s => StateOf(s.Kind) == state && s.Call.IsAsync);

    private static MethodCall Guard(string name) => new(name, TakesData: true, TakesCancellation: false, Awaitable.None, ReturnsValue: true);

    private static TransitionModel Route(string to, MethodCall? guard, int priority) => new(to, guard, null, priority, null, false, null, null);

    private static StateModel End(string name, bool emits) =>
        new(name, false, true, emits, false, null, new MethodCall(EndMethod(name), true, false, Awaitable.None, false), null, EquatableArray<TransitionModel>.Empty);
}
