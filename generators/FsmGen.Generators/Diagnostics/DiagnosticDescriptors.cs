using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Diagnostics;

/// <summary>Every diagnostic FsmGen reports. IDs are stable: add new ones at the end and list them in AnalyzerReleases.Unshipped.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "FsmGen";
    private static readonly Dictionary<string, DiagnosticDescriptor> Registry = new();

    public static readonly DiagnosticDescriptor NotPartial = Error("FSM0001", "State machine class must be partial",
        "State machine class '{0}' must be partial, and so must every type that contains it");

    public static readonly DiagnosticDescriptor NoStartState = Error("FSM0002", "No start state",
        "State machine '{0}' has no start state: mark one method [State(Start = true)]");

    public static readonly DiagnosticDescriptor DuplicateStartState = Error("FSM0003", "More than one start state",
        "State machine '{0}' has more than one start state: '{1}' and '{2}'");

    public static readonly DiagnosticDescriptor UnknownTarget = Error("FSM0004", "Transition target is not a state",
        "Transition from '{0}' targets '{1}', which is not a [State] of '{2}'");

    public static readonly DiagnosticDescriptor UnreachableState = Warning("FSM0005", "Unreachable state",
        "State '{0}' cannot be reached from the start state '{1}'");

    public static readonly DiagnosticDescriptor DeadEnd = Error("FSM0006", "Non-end state without a way out",
        "State '{0}' is not an end state but has no outgoing transition: add one or mark it [State(End = true)]");

    public static readonly DiagnosticDescriptor EndStateWithTransitions = Error("FSM0007", "End state with outgoing transitions",
        "End state '{0}' has outgoing transitions; a run ends when it reaches an end state");

    public static readonly DiagnosticDescriptor MethodNotFound = Error("FSM0008", "Referenced method not found",
        "{0} '{1}' used by '{2}' is not a method of '{3}'");

    public static readonly DiagnosticDescriptor GuardSignature = Error("FSM0009", "Guard has a wrong signature",
        "Guard '{0}' of the transition from '{1}' must return bool, ValueTask<bool> or Task<bool> and take {2}");

    public static readonly DiagnosticDescriptor TransformSignature = Error("FSM0010", "Transform has a wrong signature",
        "Transform '{0}' of the transition from '{1}' must {2}");

    public static readonly DiagnosticDescriptor StateSignature = Error("FSM0011", "State method has a wrong signature",
        "State method '{0}' must {1}");

    public static readonly DiagnosticDescriptor ExitSignature = Error("FSM0012", "Exit action has a wrong signature",
        "Exit action '{0}' of state '{1}' must {2}");

    public static readonly DiagnosticDescriptor DataTypeMismatch = Error("FSM0013", "Data type mismatch between states",
        "'{0}' works on '{1}' but the record type of the machine is '{2}' (set by the start state '{3}')");

    public static readonly DiagnosticDescriptor AmbiguousTransitions = Error("FSM0014", "Ambiguous unguarded transitions",
        "State '{0}' has more than one unguarded transition{1}: the one to '{2}' is always taken first, so the one to '{3}' never is");

    public static readonly DiagnosticDescriptor UnconditionalCycle = Error("FSM0015", "Unconditional cycle",
        "States {0} form a cycle of unguarded transitions: a run that enters it never ends");

    public static readonly DiagnosticDescriptor NoPathToEnd = Error("FSM0016", "No path to an end state",
        "No end state can be reached from the start state '{0}' of '{1}'");

    public static readonly DiagnosticDescriptor WrongTriggerType = Error("FSM0017", "Trigger of the wrong type",
        "Trigger '{0}' of the transition from '{1}' is not a value of '{2}'");

    public static readonly DiagnosticDescriptor MissingTrigger = Error("FSM0018", "Transition without a trigger",
        "Transition from '{0}' to '{1}' needs a trigger (On = ...) because '{2}' is event-driven");

    public static readonly DiagnosticDescriptor HierarchyCycle = Error("FSM0019", "Hierarchy cycle",
        "State '{0}' is its own ancestor through Parent");

    public static readonly DiagnosticDescriptor UnknownParent = Error("FSM0020", "Parent is not a state",
        "Parent '{0}' of state '{1}' is not a [State] of '{2}'");

    public static readonly DiagnosticDescriptor InvalidPushTarget = Error("FSM0021", "Push target is not a suitable state machine",
        "Push target '{0}' of the transition from '{1}' {2}");

    public static readonly DiagnosticDescriptor UnknownPattern = Error("FSM0022", "Unknown pattern",
        "Pattern '{0}' on '{1}' is not known (known: {2})");

    public static readonly DiagnosticDescriptor PatternSlotSignature = Error("FSM0023", "Pattern slot method has a wrong signature",
        "Method '{0}' fills slot '{1}' of pattern '{2}' and must {3}");

    public static readonly DiagnosticDescriptor TriggersNotEnum = Error("FSM0024", "Triggers is not an enum",
        "Triggers type '{0}' of '{1}' must be an enum");

    public static readonly DiagnosticDescriptor NotSupportedForKind = Error("FSM0025", "Option not supported by this kind of machine",
        "{0} on '{1}' is not supported by {2} machines");

    public static readonly DiagnosticDescriptor DuplicateState = Error("FSM0026", "State declared twice",
        "State '{0}' is declared more than once in '{1}'");

    public static readonly DiagnosticDescriptor TransitionWithoutState = Error("FSM0027", "Transition on a method that is not a state",
        "Method '{0}' has [Transition] but no [State]");

    public static readonly DiagnosticDescriptor MissingTarget = Error("FSM0028", "Transition without a target",
        "A transition from '{0}' has no target: set To = nameof(...)");

    public static readonly DiagnosticDescriptor InvalidExceptionType = Error("FSM0029", "Failure route exception type is not an exception",
        "Exception type '{0}' of the failure route from '{1}' does not derive from System.Exception");

    public static readonly DiagnosticDescriptor UnsupportedClassShape = Error("FSM0030", "Unsupported state machine class",
        "State machine class '{0}' cannot be {1}");

    public static readonly DiagnosticDescriptor InvalidOption = Error("FSM0031", "Invalid state machine option",
        "{0} of '{1}' must be {2}");

    public static readonly DiagnosticDescriptor ReservedStateName = Error("FSM0032", "State name is reserved",
        "State '{0}' of '{1}' has the name of a member the generator emits; rename the method");

    public static readonly DiagnosticDescriptor InvalidRecoveryValue = Error("FSM0033", "Invalid error recovery value",
        "{0} of [{1}] on state '{2}' must be {3}");

    public static readonly DiagnosticDescriptor FallbackNotAState = Error("FSM0034", "Fallback target is not a state",
        "Fallback '{0}' of state '{1}' is not a [State] of '{2}'");

    public static readonly DiagnosticDescriptor CompensationSignature = Error("FSM0035", "Compensation has a wrong signature",
        "Compensation '{0}' of state '{1}' must {2}");

    public static readonly DiagnosticDescriptor FallbackNeverTaken = Warning("FSM0036", "Fallback is never taken",
        "Fallback '{0}' of state '{1}' is never taken: its failure route to '{2}' handles every exception first");

    public static readonly DiagnosticDescriptor DeadlineCannotInterrupt = Warning("FSM0037", "Deadline cannot interrupt the state",
        "[Deadline] on state '{0}' cannot interrupt it: method '{0}' takes no CancellationToken, so it always runs to the end");

    public static readonly DiagnosticDescriptor PatternRecordType = Error("FSM0038", "Pattern record type is missing or not supported",
        "Pattern '{0}' on '{1}' {2}");

    public static DiagnosticDescriptor ById(string id) => Registry[id];

    public static IEnumerable<DiagnosticDescriptor> All => Registry.Values;

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        Register(new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true));

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        Register(new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true));

    private static DiagnosticDescriptor Register(DiagnosticDescriptor descriptor)
    {
        Registry[descriptor.Id] = descriptor;
        return descriptor;
    }
}
