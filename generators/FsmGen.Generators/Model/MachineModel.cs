namespace FsmGen.Generators.Model;

internal enum MachineKind
{
    DataFlow,
    EventDriven,
}

/// <summary>How a user method is awaited, if at all.</summary>
internal enum Awaitable
{
    None,
    Task,
    ValueTask,
}

/// <summary>A call to one of the user's methods, with the arguments it takes and what it gives back.</summary>
/// <param name="Name">The method's name.</param>
/// <param name="TakesData">Takes the record as its first argument (data-flow).</param>
/// <param name="TakesCancellation">Takes a CancellationToken as its last argument.</param>
/// <param name="Awaitable">Whether it returns Task/ValueTask (possibly of a value).</param>
/// <param name="ReturnsValue">Returns a value (the record, or bool for guards) rather than void/Task/ValueTask.</param>
internal sealed record MethodCall(string Name, bool TakesData, bool TakesCancellation, Awaitable Awaitable, bool ReturnsValue)
{
    public bool IsAsync => Awaitable != Awaitable.None;
}

/// <summary>The subflow a transition pushes the record into.</summary>
/// <param name="GlobalName">The subflow machine's global:: qualified name.</param>
/// <param name="IsAllSync">The subflow has a synchronous Run.</param>
internal sealed record PushInfo(string GlobalName, bool IsAllSync);

/// <summary>One outgoing transition, after validation.</summary>
internal sealed record TransitionModel(
    string To,
    MethodCall? Guard,
    string? Trigger,
    int Priority,
    MethodCall? Transform,
    bool OnFailure,
    string? ExceptionType,
    PushInfo? Push);

/// <summary>One state, after validation. Transitions are in the order they are tried.</summary>
/// <param name="Recovery">Its error recovery ([Retry], [Deadline], [CircuitBreaker], [Compensate]), or null.</param>
internal sealed record StateModel(
    string Name,
    bool IsStart,
    bool IsEnd,
    bool EmitOutput,
    bool RunOnFailure,
    string? Parent,
    MethodCall Body,
    MethodCall? Exit,
    EquatableArray<TransitionModel> Transitions,
    RecoveryModel? Recovery = null);

/// <summary>Everything the emitter needs to write one machine: plain values only, so the pipeline can cache it.</summary>
internal sealed record MachineModel(
    HierarchyInfo Hierarchy,
    MachineKind Kind,
    string? DataType,
    string? TriggerType,
    EquatableArray<string> TriggerMembers,
    bool ThrowOnUnknownTrigger,
    bool ThrowOnGuardFailure,
    int History,
    int MaxSteps,
    EquatableArray<StateModel> States,
    bool IsAllSync)
{
    public string StartState
    {
        get
        {
            foreach (var state in States)
            {
                if (state.IsStart) return state.Name;
            }

            return States[0].Name;
        }
    }
}

/// <summary>The result of parsing one annotated class: a model when the machine is valid, and the diagnostics found.</summary>
internal sealed record MachineResult(MachineModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
