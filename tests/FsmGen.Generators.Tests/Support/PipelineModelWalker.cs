using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Tests.Support;

/// <summary>
/// Walks an object graph through every instance field (so every auto-property's backing field too) and reports any
/// Roslyn object that must not live in a cached pipeline model: holding one keeps a whole compilation alive and
/// breaks equality between runs.
/// </summary>
internal static class PipelineModelWalker
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SyntaxReference), typeof(Compilation), typeof(SemanticModel),
        typeof(Location), typeof(AttributeData),
    };

    /// <summary>The paths of forbidden objects under <paramref name="root"/>, and the types of every object visited.</summary>
    public static (IReadOnlyList<string> Forbidden, IReadOnlySet<Type> Visited) Walk(object? root)
    {
        var problems = new List<string>();
        var types = new HashSet<Type>();
        Visit(root, "model", problems, types, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return (problems, types);
    }

    private static void Visit(object? value, string path, List<string> problems, HashSet<Type> types, HashSet<object> seen)
    {
        if (value is null) return;
        var type = value.GetType();
        types.Add(type);
        if (Forbidden.Any(f => f.IsAssignableFrom(type)))
        {
            problems.Add(path + " is a " + type.FullName);
            return;
        }

        if (type.IsPrimitive || type.IsEnum || value is string || value is decimal || type.IsPointer) return;
        if (!type.IsValueType && !seen.Add(value)) return;

        if (value is Array array)
        {
            var i = 0;
            foreach (var item in array) Visit(item, path + "[" + i++ + "]", problems, types, seen);
            return;
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Visit(field.GetValue(value), path + "." + field.Name, problems, types, seen);
            }
        }

        // Collections that hide their items behind internals the walk above may not reach (e.g. immutable collections).
        if (value is IEnumerable enumerable && value is not string)
        {
            var i = 0;
            foreach (var item in enumerable) Visit(item, path + "{" + i++ + "}", problems, types, seen);
        }
    }
}
