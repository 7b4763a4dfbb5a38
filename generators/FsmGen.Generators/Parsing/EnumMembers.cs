using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Parsing;

/// <summary>How a trigger value is named in generated code: by the first member of the enum declared with that value.</summary>
internal static class EnumMembers
{
    public static string? FirstWithValue(INamedTypeSymbol enumType, object? value)
    {
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value)) return field.Name;
        }

        return null;
    }
}
