using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsmGen.Generators.Model;

namespace FsmGen.Generators.Emit;

/// <summary>Mermaid and DOT text for a machine, computed at generation time and emitted as constants.</summary>
internal static class GraphText
{
    public static string Mermaid(MachineModel machine)
    {
        var text = new StringBuilder("stateDiagram-v2\n");
        text.Append("    [*] --> ").Append(machine.StartState).Append('\n');
        foreach (var state in machine.States.Where(s => s.Parent is null))
        {
            DeclareMermaid(machine, state, text, 1);
        }

        foreach (var state in machine.States)
        {
            foreach (var transition in state.Transitions)
            {
                text.Append("    ").Append(state.Name).Append(" --> ").Append(transition.To);
                var label = Label(transition);
                if (label.Length > 0) text.Append(" : ").Append(label);
                text.Append('\n');
            }

            if (state.IsEnd) text.Append("    ").Append(state.Name).Append(" --> [*]\n");
        }

        return text.ToString();
    }

    public static string Dot(MachineModel machine)
    {
        var text = new StringBuilder("digraph ").Append(machine.Hierarchy.Name).Append(" {\n");
        text.Append("    rankdir=LR;\n    node [shape=box, style=rounded];\n    __start [shape=point];\n");
        foreach (var state in machine.States.Where(s => s.Parent is null))
        {
            DeclareDot(machine, state, text, 1);
        }

        text.Append("    __start -> ").Append(machine.StartState).Append(";\n");
        foreach (var state in machine.States)
        {
            foreach (var transition in state.Transitions)
            {
                text.Append("    ").Append(state.Name).Append(" -> ").Append(transition.To);
                var label = Label(transition);
                if (label.Length > 0) text.Append(" [label=\"").Append(label.Replace("\"", "\\\"")).Append("\"]");
                text.Append(";\n");
            }
        }

        return text.Append("}\n").ToString();
    }

    public static string Label(TransitionModel transition)
    {
        var parts = new List<string>();
        if (transition.Trigger is not null) parts.Add(transition.Trigger);
        if (transition.OnFailure) parts.Add(transition.ExceptionType is null ? "on failure" : "on " + ShortName(transition.ExceptionType));
        if (transition.Guard is not null) parts.Add("[" + transition.Guard.Name + "]");
        if (transition.Push is not null) parts.Add("push " + ShortName(transition.Push.GlobalName));
        if (transition.Transform is not null) parts.Add("/ " + transition.Transform.Name);
        return string.Join(" ", parts);
    }

    private static string ShortName(string globalName)
    {
        var dot = globalName.LastIndexOf('.');
        return dot < 0 ? globalName.Replace("global::", "") : globalName.Substring(dot + 1);
    }

    private static void DeclareMermaid(MachineModel machine, StateModel state, StringBuilder text, int depth)
    {
        var pad = new string(' ', depth * 4);
        var children = machine.States.Where(s => s.Parent == state.Name).ToList();
        if (children.Count == 0)
        {
            text.Append(pad).Append(state.Name).Append('\n');
            return;
        }

        text.Append(pad).Append("state ").Append(state.Name).Append(" {\n");
        foreach (var child in children) DeclareMermaid(machine, child, text, depth + 1);
        text.Append(pad).Append("}\n");
    }

    private static void DeclareDot(MachineModel machine, StateModel state, StringBuilder text, int depth)
    {
        var pad = new string(' ', depth * 4);
        var children = machine.States.Where(s => s.Parent == state.Name).ToList();
        var attributes = state.IsEnd ? (state.EmitOutput ? " [peripheries=2]" : " [peripheries=2, style=\"rounded,dashed\"]") : "";
        if (children.Count == 0)
        {
            text.Append(pad).Append(state.Name).Append(attributes).Append(";\n");
            return;
        }

        text.Append(pad).Append("subgraph cluster_").Append(state.Name).Append(" {\n");
        text.Append(pad).Append("    label=\"").Append(state.Name).Append("\";\n");
        text.Append(pad).Append("    ").Append(state.Name).Append(attributes).Append(";\n");
        foreach (var child in children) DeclareDot(machine, child, text, depth + 1);
        text.Append(pad).Append("}\n");
    }
}
