using System.Collections.Generic;
using FsmGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Patterns;

/// <summary>Finds a pattern class's slot methods by their attributes; shared by the templates.</summary>
internal static class SlotFinder
{
    /// <summary>The slot methods in declaration order (a method with two slot attributes fills the first).</summary>
    public static List<(IMethodSymbol Method, TKind Kind)> Find<TKind>(INamedTypeSymbol type, (string Attribute, TKind Kind)[] slotAttributes)
    {
        var slots = new List<(IMethodSymbol, TKind)>();
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method) continue;
            foreach (var attribute in method.GetAttributes())
            {
                var index = System.Array.FindIndex(slotAttributes, s => AttributeReader.Is(attribute, s.Attribute));
                if (index < 0) continue;
                slots.Add((method, slotAttributes[index].Kind));
                break;
            }
        }

        return slots;
    }
}
