using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsmGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Generators.Patterns;

/// <summary>
/// Reads the members of a record type that the Etl template reads from a source row and loads into a target row:
/// <list type="bullet">
/// <item>the parameterless public constructor, else the one with the most parameters; each constructor parameter must
/// have a readable property of the same name (ignoring case) and type (a positional record has them); a parameter with
/// a default value is optional (the source may lack its column);</item>
/// <item>plus every other property with a public <c>init</c> or <c>set</c> accessor and no <c>[NotMapped]</c>:
/// <c>init</c> and <c>required</c> ones must be in the source, <c>set</c> ones are optional.</item>
/// </list>
/// Member types: long, int, short, decimal, double, float, bool, string, DateTime, DateTimeOffset, Guid, byte[], and
/// Nullable of the value types. <c>[Column("name")]</c> (System.ComponentModel.DataAnnotations.Schema) names the column.
/// </summary>
internal static class EtlRecordShape
{
    public const string SupportedTypes =
        "long, int, short, decimal, double, float, bool, string, DateTime, DateTimeOffset, Guid, byte[], and their nullable forms";

    /// <summary>The members of <paramref name="record"/>, or null with the problem (for a diagnostic) or without one (a type the compiler already reports).</summary>
    public static List<EtlMember>? Read(ITypeSymbol record, IAssemblySymbol user, out string? problem)
    {
        problem = null;
        if (record.TypeKind == TypeKind.Error) return null;
        if (record is not INamedTypeSymbol type || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || record.SpecialType != SpecialType.None || KindOf(record) is not null)
        {
            problem = "is not a class, record or struct";
            return null;
        }

        if (type.IsAbstract || type.IsStatic)
        {
            problem = "is abstract, so the reader cannot create it";
            return null;
        }

        var properties = Properties(type, user);
        var constructor = ChooseConstructor(type, user);
        if (constructor is null)
        {
            problem = "has no public constructor";
            return null;
        }

        var members = new List<EtlMember>();
        var covered = new HashSet<string>();
        foreach (var parameter in constructor.Parameters)
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase));
            if (property is null || !Accessible(property.GetMethod, user))
            {
                problem = "has constructor parameter '" + parameter.Name + "' without a readable property of the same name to load it from";
                return null;
            }

            if (!SymbolEqualityComparer.Default.Equals(property.Type, parameter.Type))
            {
                problem = "has constructor parameter '" + parameter.Name + "' of type '" + TypeNames.ForMessage(parameter.Type) + "', but its property is of type '" + TypeNames.ForMessage(property.Type) + "'";
                return null;
            }

            var member = Member(property, EtlBinding.Constructor, required: !parameter.HasExplicitDefaultValue, DefaultOf(parameter), out problem);
            if (member is null) return null;
            members.Add(member);
            covered.Add(property.Name);
        }

        foreach (var property in properties)
        {
            if (covered.Contains(property.Name) || !Accessible(property.GetMethod, user) || !Accessible(property.SetMethod, user)) continue;
            var isInit = property.SetMethod!.IsInitOnly || property.IsRequired;
            var member = Member(property, isInit ? EtlBinding.Initializer : EtlBinding.Setter, required: isInit, null, out problem);
            if (member is null) return null;
            members.Add(member);
        }

        if (members.Count == 0)
        {
            problem = "has no members to load: no constructor parameters and no settable properties";
            return null;
        }

        var twice = members.GroupBy(m => m.Column, System.StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            problem = "has members '" + string.Join("' and '", twice.Select(m => m.Name)) + "' for the same column '" + twice.Key + "'";
            return null;
        }

        return members;
    }

    private static EtlMember? Member(IPropertySymbol property, EtlBinding binding, bool required, string? defaultValue, out string? problem)
    {
        problem = null;
        var type = property.Type;
        var isNullableValue = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        var valueType = isNullableValue ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        if (KindOf(valueType) is not { } kind)
        {
            problem = "has member '" + property.Name + "' of type '" + TypeNames.ForMessage(type) + "', which the ETL pattern cannot read from or load into a column (supported: " + SupportedTypes + ")";
            return null;
        }

        var allowsNull = isNullableValue || (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated);
        var column = ColumnOf(property) ?? property.Name;
        return new EtlMember(property.Name, column, TypeNames.ForCode(type), TypeNames.ForMessage(type), kind, isNullableValue, allowsNull, binding, required, defaultValue);
    }

    /// <summary>The kind of a supported member type (not Nullable), or null.</summary>
    public static EtlMemberKind? KindOf(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return EtlMemberKind.String;
            case SpecialType.System_Boolean: return EtlMemberKind.Boolean;
            case SpecialType.System_Int16: return EtlMemberKind.Int16;
            case SpecialType.System_Int32: return EtlMemberKind.Int32;
            case SpecialType.System_Int64: return EtlMemberKind.Int64;
            case SpecialType.System_Single: return EtlMemberKind.Single;
            case SpecialType.System_Double: return EtlMemberKind.Double;
            case SpecialType.System_Decimal: return EtlMemberKind.Decimal;
            case SpecialType.System_DateTime: return EtlMemberKind.DateTime;
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }) return EtlMemberKind.Bytes;
        if (type is not INamedTypeSymbol { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true }, TypeArguments.Length: 0 } named) return null;
        return named.Name switch
        {
            "DateTimeOffset" => EtlMemberKind.DateTimeOffset,
            "Guid" => EtlMemberKind.Guid,
            _ => null,
        };
    }

    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, IAssemblySymbol user)
    {
        var constructors = type.InstanceConstructors
            .Where(c => Accessible(c, user) && !IsCopyConstructor(type, c) && c.Parameters.All(p => p.RefKind == RefKind.None && !p.IsParams))
            .ToList();
        return constructors.FirstOrDefault(c => c.Parameters.Length == 0)
            ?? constructors.OrderByDescending(c => c.Parameters.Length).FirstOrDefault();
    }

    private static bool IsCopyConstructor(INamedTypeSymbol type, IMethodSymbol constructor) =>
        constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    /// <summary>Instance properties without parameters, base types' first; a property hidden by a derived one appears once.</summary>
    private static List<IPropertySymbol> Properties(INamedTypeSymbol type, IAssemblySymbol user)
    {
        var levels = new List<List<IPropertySymbol>>();
        var seen = new HashSet<string>();
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            var level = new List<IPropertySymbol>();
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.Name == "EqualityContract" || !seen.Add(property.Name)) continue;
                if (property.GetAttributes().Any(a => AttributeReader.Is(a, EtlNames.NotMappedAttribute))) continue;
                if (!Accessible(property, user)) continue;
                level.Add(property);
            }

            levels.Insert(0, level);
        }

        return levels.SelectMany(l => l).ToList();
    }

    private static bool Accessible(ISymbol? symbol, IAssemblySymbol user) =>
        symbol is not null
        && (symbol.DeclaredAccessibility == Accessibility.Public
            || (symbol.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedOrInternal
                && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, user)));

    private static string? ColumnOf(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (AttributeReader.Is(attribute, EtlNames.ColumnAttribute) && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is string name && name.Length > 0)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The C# expression of an optional parameter's default value, typed as the parameter.</summary>
    private static string? DefaultOf(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue) return null;
        var value = parameter.ExplicitDefaultValue;
        var type = TypeNames.ForCode(parameter.Type);
        switch (value)
        {
            case null: return "default(" + type + ")";
            case bool flag: return flag ? "true" : "false";
            case string text: return SymbolDisplay.FormatLiteral(text, quote: true);
            case decimal m: return m.ToString(CultureInfo.InvariantCulture) + "m";
            case double d: return double.IsNaN(d) ? "double.NaN" : double.IsPositiveInfinity(d) ? "double.PositiveInfinity" : double.IsNegativeInfinity(d) ? "double.NegativeInfinity" : d.ToString("R", CultureInfo.InvariantCulture) + "d";
            case float f: return float.IsNaN(f) ? "float.NaN" : float.IsPositiveInfinity(f) ? "float.PositiveInfinity" : float.IsNegativeInfinity(f) ? "float.NegativeInfinity" : f.ToString("R", CultureInfo.InvariantCulture) + "f";
            default:
                return "(" + type + ")(" + System.Convert.ToString(value, CultureInfo.InvariantCulture) + ")";
        }
    }
}
