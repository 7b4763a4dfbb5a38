using System.Collections.Generic;
using FsmGen.Generators.Diagnostics;
using FsmGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Parsing;

/// <summary>
/// The rule every annotated class obeys, [StateMachine] or [Pattern]: a non-static, non-generic partial class whose
/// containing types are partial too, so generated parts can be added to it.
/// </summary>
internal static class ClassShape
{
    public static bool Check(INamedTypeSymbol type, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (type.TypeKind != TypeKind.Class) return false;
        if (HierarchyReader.FirstNonPartial(type) is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, location, type.Name));
            return false;
        }

        if (type.IsStatic || HierarchyReader.IsOrIsInGeneric(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedClassShape, location, type.Name, type.IsStatic ? "static" : "generic or nested in a generic type"));
            return false;
        }

        return true;
    }
}
