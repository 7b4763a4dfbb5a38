using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Patterns;

/// <summary>
/// Reads the members of a user's record type, as the pattern templates that create and read records need them
/// (FileProcessing, Etl); each template supplies its own rules (<see cref="IRecordShapeRules{TKind, TMember}"/>):
/// <list type="bullet">
/// <item>the template's preferred constructor, else the parameterless one, else the one with the most parameters;
/// each constructor parameter must have a readable property of the same name (ignoring case) and type (a positional
/// record has them); a parameter with a default value is optional;</item>
/// <item>plus every other property with a public <c>init</c> or <c>set</c> accessor that the template does not leave
/// out: <c>init</c> and <c>required</c> ones are required, <c>set</c> ones optional.</item>
/// </list>
/// </summary>
internal static class RecordShape
{
    /// <summary>The members of <paramref name="record"/>, or null with the problem (for a diagnostic) or without one (a type the compiler already reports).</summary>
    public static List<TMember>? Read<TKind, TMember>(ITypeSymbol record, IAssemblySymbol user, IRecordShapeRules<TKind, TMember> rules, out string? problem)
        where TKind : struct
        where TMember : class
    {
        problem = null;
        if (record.TypeKind == TypeKind.Error) return null;
        if (record is not INamedTypeSymbol type || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || record.SpecialType != SpecialType.None || rules.KindOf(record) is not null)
        {
            problem = "is not a class, record or struct";
            return null;
        }

        if (type.IsAbstract || type.IsStatic)
        {
            problem = "is abstract, so the reader cannot create it";
            return null;
        }

        var properties = Properties(type, user, rules.IsLeftOut);
        var constructor = ChooseConstructor(type, user, rules.IsPreferred);
        if (constructor is null)
        {
            problem = "has no public constructor";
            return null;
        }

        var members = new List<TMember>();
        var covered = new HashSet<string>();
        foreach (var parameter in constructor.Parameters)
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase));
            if (property is null || !Accessible(property.GetMethod, user))
            {
                problem = "has constructor parameter '" + parameter.Name + "' without a readable property of the same name " + rules.PropertyUse;
                return null;
            }

            if (!SymbolEqualityComparer.Default.Equals(property.Type, parameter.Type))
            {
                problem = "has constructor parameter '" + parameter.Name + "' of type '" + TypeNames.ForMessage(parameter.Type) + "', but its property is of type '" + TypeNames.ForMessage(property.Type) + "'";
                return null;
            }

            var found = new FoundMember(property, parameter, MemberBinding.Constructor, Required: !parameter.HasExplicitDefaultValue, ParameterDefaults.CodeOf(parameter));
            var member = Member(found, rules, out problem);
            if (member is null) return null;
            members.Add(member);
            covered.Add(property.Name);
        }

        foreach (var property in properties)
        {
            if (covered.Contains(property.Name) || !Accessible(property.GetMethod, user) || !Accessible(property.SetMethod, user)) continue;
            var isInit = property.SetMethod!.IsInitOnly || property.IsRequired;
            var found = new FoundMember(property, null, isInit ? MemberBinding.Initializer : MemberBinding.Setter, Required: isInit, null);
            var member = Member(found, rules, out problem);
            if (member is null) return null;
            members.Add(member);
        }

        if (members.Count == 0)
        {
            problem = "has no members " + rules.MembersUse + ": no constructor parameters and no settable properties";
            return null;
        }

        return members;
    }

    /// <summary>The non-empty name that a rename attribute (<c>[Column("name")]</c>) on <paramref name="symbol"/> gives, or null.</summary>
    public static string? NameFrom(ISymbol symbol, string attributeName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (AttributeReader.Is(attribute, attributeName) && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is string name && name.Length > 0)
            {
                return name;
            }
        }

        return null;
    }

    private static TMember? Member<TKind, TMember>(FoundMember found, IRecordShapeRules<TKind, TMember> rules, out string? problem)
        where TKind : struct
        where TMember : class
    {
        problem = null;
        if (rules.KindOf(found.ValueType) is not { } kind)
        {
            problem = "has member '" + found.Name + "' of type '" + found.TypeForMessage + "', which " + rules.CannotHold + " (supported: " + rules.SupportedTypes + ")";
            return null;
        }

        return rules.Member(found, kind);
    }

    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, IAssemblySymbol user, System.Func<IMethodSymbol, bool> isPreferred)
    {
        var constructors = type.InstanceConstructors
            .Where(c => Accessible(c, user) && !IsCopyConstructor(type, c) && c.Parameters.All(p => p.RefKind == RefKind.None && !p.IsParams))
            .ToList();
        return constructors.FirstOrDefault(isPreferred)
            ?? constructors.FirstOrDefault(c => c.Parameters.Length == 0)
            ?? constructors.OrderByDescending(c => c.Parameters.Length).FirstOrDefault();
    }

    private static bool IsCopyConstructor(INamedTypeSymbol type, IMethodSymbol constructor) =>
        constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    /// <summary>Instance properties without parameters, base types' first; a property hidden by a derived one appears once.</summary>
    private static List<IPropertySymbol> Properties(INamedTypeSymbol type, IAssemblySymbol user, System.Func<IPropertySymbol, bool> isLeftOut)
    {
        var levels = new List<List<IPropertySymbol>>();
        var seen = new HashSet<string>();
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            var level = new List<IPropertySymbol>();
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.Name == "EqualityContract" || !seen.Add(property.Name)) continue;
                if (isLeftOut(property)) continue;
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
}
