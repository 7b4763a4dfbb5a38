using FsmGen.Generators.Model;

namespace FsmGen.Generators.Emit;

internal enum FireStepKind
{
    /// <summary>A synchronous statement, written as is (<see cref="FireStep.Code"/> ends with ';').</summary>
    Statement,

    /// <summary>An action returning Task/ValueTask: <see cref="FireStep.Code"/> is the bare invocation, to be awaited.</summary>
    AwaitAction,

    /// <summary>A call returning Task/ValueTask of the record: <see cref="FireStep.Code"/> is the bare invocation; its result becomes the record.</summary>
    AwaitData,

    /// <summary>Stops the run when the token is cancelled (data-flow, at the start of each state).</summary>
    CheckCancellation,

    /// <summary>
    /// A guard: when false, the run jumps to <see cref="FireStep.Label"/>. <see cref="FireStep.Code"/> is a bool
    /// expression, or (when <see cref="FireStep.Awaitable"/> is set) the bare invocation of an async guard.
    /// </summary>
    Guard,

    /// <summary>A label the guards above jump to (the next candidate transition), or a state's block.</summary>
    Label,

    /// <summary>Ends the fire or run: <see cref="FireStep.Code"/> is the value returned (bool, or the run's result).</summary>
    Return,
}

/// <summary>
/// One step of an executor written as a flat list (no nesting), so that an async fast path can hand over to a
/// continuation at any await: firing a trigger (guards, exits, the transform, the state change and hooks, entries) or a
/// data-flow run (state blocks, guards, transforms, jumps).
/// </summary>
internal readonly struct FireStep
{
    private FireStep(FireStepKind kind, string code, Awaitable awaitable, string? label, string? fastCode = null)
    {
        Kind = kind;
        Code = code;
        Awaitable = awaitable;
        Label = label;
        FastCode = fastCode;
    }

    public FireStepKind Kind { get; }

    public string Code { get; }

    /// <summary>What an async action or guard returns; None for synchronous steps.</summary>
    public Awaitable Awaitable { get; }

    public string? Label { get; }

    /// <summary>For a Return on the async fast path: the ValueTask expression to return instead of wrapping <see cref="Code"/>.</summary>
    public string? FastCode { get; }

    public bool IsAsync => Awaitable != Awaitable.None && Kind is FireStepKind.AwaitAction or FireStepKind.AwaitData or FireStepKind.Guard;

    public static FireStep Statement(string code) => new(FireStepKind.Statement, code, Awaitable.None, null);

    public static FireStep Await(string invocation, Awaitable awaitable) => new(FireStepKind.AwaitAction, invocation, awaitable, null);

    public static FireStep AwaitData(string invocation, Awaitable awaitable) => new(FireStepKind.AwaitData, invocation, awaitable, null);

    public static FireStep CheckCancellation() => new(FireStepKind.CheckCancellation, "", Awaitable.None, null);

    public static FireStep Guard(string code, Awaitable awaitable, string falseLabel) => new(FireStepKind.Guard, code, awaitable, falseLabel);

    public static FireStep LabelAt(string label) => new(FireStepKind.Label, "", Awaitable.None, label);

    public static FireStep Return(string value, string? fastPathValueTask = null) => new(FireStepKind.Return, value, Awaitable.None, null, fastPathValueTask);
}
