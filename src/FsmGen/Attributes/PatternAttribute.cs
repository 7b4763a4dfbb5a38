namespace FsmGen;

/// <summary>
/// Selects a pattern template for a partial class: the template supplies a fixed state graph and the class fills its
/// named slots with methods. The generator validates the resulting graph like any other machine.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class PatternAttribute : Attribute
{
    /// <summary>Selects the template by name.</summary>
    /// <param name="name">The template's name, as registered with the generator.</param>
    public PatternAttribute(string name) => Name = name;

    /// <summary>The template's name.</summary>
    public string Name { get; }
}
