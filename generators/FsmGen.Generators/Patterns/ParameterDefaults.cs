using System.Globalization;
using FsmGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Generators.Patterns;

/// <summary>Writes the default value of an optional constructor parameter, which a generated reader passes when the input lacks its column.</summary>
internal static class ParameterDefaults
{
    /// <summary>The C# expression of an optional parameter's default value, typed as the parameter; null when it has none.</summary>
    public static string? CodeOf(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue) return null;
        var value = parameter.ExplicitDefaultValue;
        var type = TypeNames.ForCode(parameter.Type);
        switch (value)
        {
            case null: return "default(" + type + ")";
            case bool flag: return flag ? "true" : "false";
            case string text: return SymbolDisplay.FormatLiteral(text, quote: true);
            case char c: return SymbolDisplay.FormatLiteral(c, quote: true);
            case decimal m: return m.ToString(CultureInfo.InvariantCulture) + "m";
            case double d: return double.IsNaN(d) ? "double.NaN" : double.IsPositiveInfinity(d) ? "double.PositiveInfinity" : double.IsNegativeInfinity(d) ? "double.NegativeInfinity" : d.ToString("R", CultureInfo.InvariantCulture) + "d";
            case float f: return float.IsNaN(f) ? "float.NaN" : float.IsPositiveInfinity(f) ? "float.PositiveInfinity" : float.IsNegativeInfinity(f) ? "float.NegativeInfinity" : f.ToString("R", CultureInfo.InvariantCulture) + "f";
            default:
                // Integers and enums (whose default is their underlying integer): a cast to the parameter's type.
                return "(" + type + ")(" + System.Convert.ToString(value, CultureInfo.InvariantCulture) + ")";
        }
    }
}
