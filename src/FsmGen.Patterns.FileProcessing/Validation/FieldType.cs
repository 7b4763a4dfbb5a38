namespace FsmGen.Patterns.FileProcessing;

/// <summary>The type a field must have. Text values (every CSV field, for example) are converted to it when they parse.</summary>
public enum FieldType
{
    /// <summary>Any value; only the other rules apply.</summary>
    Any,

    /// <summary>Text. Min and max apply to its length.</summary>
    String,

    /// <summary>A whole number; text is converted to <see cref="long"/> (invariant culture).</summary>
    Integer,

    /// <summary>Any number; text is converted to <see cref="double"/> (invariant culture).</summary>
    Number,

    /// <summary><c>true</c>/<c>false</c> (any case) or <c>1</c>/<c>0</c>; text is converted to <see cref="bool"/>.</summary>
    Boolean,

    /// <summary>A date and time; text is converted to <see cref="System.DateTime"/> (invariant culture, ISO 8601 recommended).</summary>
    DateTime,
}
