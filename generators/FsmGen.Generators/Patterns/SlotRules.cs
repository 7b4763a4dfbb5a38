using System.Collections.Generic;
using FsmGen.Generators.Diagnostics;
using FsmGen.Generators.Model;
using FsmGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Patterns;

/// <summary>Signature checks that pattern templates share: a slot method must take and return the pattern's record type.</summary>
internal static class SlotRules
{
    /// <summary>Checks a predicate slot (<c>bool M(T)</c>, optionally async with a CancellationToken).</summary>
    public static MethodCall? Predicate(IMethodSymbol method, ITypeSymbol record, string slot, string pattern, List<DiagnosticInfo> diagnostics)
    {
        var shape = MethodShape.Describe(method);
        if (!shape.IsMalformed && shape.ReturnsBool && shape.DataParameter is not null && TypeNames.SameIgnoringNullability(shape.DataParameter, record)) return shape.ToCall();
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PatternSlotSignature, LocationInfo.From(method.Locations[0]), method.Name, slot, pattern,
            "take (" + TypeNames.ForMessage(record) + "[, CancellationToken]) and return bool, Task<bool> or ValueTask<bool>"));
        return null;
    }

    /// <summary>Checks a mapping slot (<c>T M(T)</c>, optionally async with a CancellationToken).</summary>
    public static MethodCall? Mapping(IMethodSymbol method, ITypeSymbol record, string slot, string pattern, List<DiagnosticInfo> diagnostics)
    {
        var shape = MethodShape.Describe(method);
        if (!shape.IsMalformed && shape.DataParameter is not null && shape.Result is not null
            && TypeNames.SameIgnoringNullability(shape.DataParameter, record) && TypeNames.SameIgnoringNullability(shape.Result, record)) return shape.ToCall();
        var name = TypeNames.ForMessage(record);
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PatternSlotSignature, LocationInfo.From(method.Locations[0]), method.Name, slot, pattern,
            "take (" + name + "[, CancellationToken]) and return " + name + ", Task<" + name + "> or ValueTask<" + name + ">"));
        return null;
    }

    /// <summary>Checks an action slot (<c>void M(T)</c>, or <c>Task</c>/<c>ValueTask</c>, optionally with a CancellationToken).</summary>
    public static MethodCall? Action(IMethodSymbol method, ITypeSymbol record, string slot, string pattern, List<DiagnosticInfo> diagnostics)
    {
        var shape = MethodShape.Describe(method);
        if (!shape.IsMalformed && shape.Result is null && shape.DataParameter is not null && TypeNames.SameIgnoringNullability(shape.DataParameter, record)) return shape.ToCall();
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PatternSlotSignature, LocationInfo.From(method.Locations[0]), method.Name, slot, pattern,
            "take (" + TypeNames.ForMessage(record) + "[, CancellationToken]) and return void, Task or ValueTask"));
        return null;
    }
}
