namespace FsmGen;

/// <summary>A static description of a generated machine's graph, for tooling, documentation and tests.</summary>
/// <param name="Name">The machine's class name.</param>
/// <param name="IsEventDriven">True for machines with triggers.</param>
/// <param name="States">Every state, in declaration order.</param>
/// <param name="Transitions">Every transition, grouped by source state in the order they are tried.</param>
/// <param name="Mermaid">The graph as a Mermaid <c>stateDiagram-v2</c>.</param>
/// <param name="Dot">The graph as Graphviz DOT.</param>
public sealed record StateMachineGraph(
    string Name,
    bool IsEventDriven,
    IReadOnlyList<StateNode> States,
    IReadOnlyList<TransitionEdge> Transitions,
    string Mermaid,
    string Dot);

/// <summary>A state of a <see cref="StateMachineGraph"/>.</summary>
/// <param name="Name">The state's name (its method name).</param>
/// <param name="Parent">The enclosing composite state, or null.</param>
/// <param name="IsStart">The start state.</param>
/// <param name="IsEnd">An end state.</param>
/// <param name="EmitsOutput">For end states: whether reaching it emits the record.</param>
/// <param name="RunsOnFailure">Runs even after an earlier failure.</param>
public sealed record StateNode(string Name, string? Parent, bool IsStart, bool IsEnd, bool EmitsOutput, bool RunsOnFailure);

/// <summary>A transition of a <see cref="StateMachineGraph"/>.</summary>
/// <param name="From">Source state.</param>
/// <param name="To">Target state (the return state of a push).</param>
/// <param name="Trigger">The trigger's name, for event-driven machines.</param>
/// <param name="Guard">The guard method's name, or null.</param>
/// <param name="Priority">Higher is tried first.</param>
/// <param name="Transform">The arc's transform or action method, or null.</param>
/// <param name="OnFailure">Taken when the source state fails.</param>
/// <param name="Exception">For failure routes: the exception type's full name, or null for any.</param>
/// <param name="Push">The subflow machine's full name, or null.</param>
public sealed record TransitionEdge(
    string From,
    string To,
    string? Trigger,
    string? Guard,
    int Priority,
    string? Transform,
    bool OnFailure,
    string? Exception,
    string? Push);
