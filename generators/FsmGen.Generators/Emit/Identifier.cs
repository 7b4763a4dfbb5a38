using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Generators.Emit;

/// <summary>Writes user names as C# identifiers: a method called <c>@event</c> has the symbol name "event".</summary>
internal static class Identifier
{
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
