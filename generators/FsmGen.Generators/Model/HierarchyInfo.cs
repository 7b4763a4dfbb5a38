namespace FsmGen.Generators.Model;

/// <summary>One enclosing type of a machine, so nested partial declarations can be re-opened in generated code.</summary>
/// <param name="Keyword">"class", "struct", "record", "record struct" or "interface".</param>
/// <param name="Name">The type's name including its type parameter list, e.g. <c>Outer</c>.</param>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>Where a machine class lives: namespace and enclosing types, outermost first.</summary>
internal sealed record HierarchyInfo(string? Namespace, EquatableArray<ContainingType> ContainingTypes, string Name, string Accessibility, string FullMetadataName)
{
    /// <summary>The fully qualified name usable in generated code, e.g. <c>global::Ns.Outer.Machine</c>.</summary>
    public string GlobalName
    {
        get
        {
            var prefix = Namespace is null ? "global::" : "global::" + Namespace + ".";
            foreach (var type in ContainingTypes) prefix += type.Name + ".";
            return prefix + Name;
        }
    }
}
