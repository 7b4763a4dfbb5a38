namespace FsmGen.Generators.Patterns;

/// <summary>How the reader a template generates gives a record member its value.</summary>
internal enum MemberBinding
{
    /// <summary>A constructor argument.</summary>
    Constructor,

    /// <summary>In the object initializer (an <c>init</c> or <c>required</c> property).</summary>
    Initializer,

    /// <summary>Assigned after construction, only when the input (a CSV header, an ETL source) has its column (a settable property).</summary>
    Setter,
}
