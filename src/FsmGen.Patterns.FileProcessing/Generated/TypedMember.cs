using System.ComponentModel;

namespace FsmGen.Patterns.FileProcessing.Generated;

/// <summary>
/// One member of a record type as <c>[Pattern("FileProcessing")]</c> reads and writes it: the CSV column it reads
/// (found in the header once per file) and whether the column must be there. Created by generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TypedMember
{
    /// <summary>Describes a member.</summary>
    /// <param name="name">The C# member name.</param>
    /// <param name="column">The CSV column name: the member name or its <c>[CsvColumn]</c> name.</param>
    /// <param name="typeName">The member's type as messages name it (<c>decimal</c>, <c>DateOnly?</c>).</param>
    /// <param name="required">Whether a header without the column makes every record an error.</param>
    public TypedMember(string name, string column, string typeName, bool required)
    {
        Name = name;
        Column = column;
        TypeName = typeName;
        Required = required;
    }

    /// <summary>The C# member name.</summary>
    public string Name { get; }

    /// <summary>The CSV column name, read and written.</summary>
    public string Column { get; }

    /// <summary>The member's type as messages name it.</summary>
    public string TypeName { get; }

    /// <summary>Whether the column must be in the header.</summary>
    public bool Required { get; }
}
