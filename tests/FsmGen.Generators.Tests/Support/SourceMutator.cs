using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace FsmGen.Generators.Tests.Support;

/// <summary>One edit of a valid source, as a user typing or deleting might leave it.</summary>
internal sealed record Mutation(string Kind, string Description, string Text);

/// <summary>
/// Produces broken variants of one valid source: a deleted token, line or character, a truncated file, a half-typed
/// attribute argument, a wrong type, a duplicated line, a stray token. The source is tokenized once.
/// </summary>
internal sealed partial class SourceMutator
{
    public static readonly string[] Kinds =
    {
        "delete token", "delete line", "truncate", "half-typed argument", "wrong type", "duplicate line", "insert token", "delete character",
    };

    private static readonly string[] HalfTypedValues =
    {
        "nameof(", "", "42", "\"", "typeof(", "null", "nameof()", "nameof(Missing)", "typeof(int)", "typeof(Missing)", "-1", "true",
        "\"Nowhere\"", "default", "new object()", "nameof(System)", "(", "x =>", "int.MaxValue", "typeof(FsmGen.StateAttribute)", "nameof(this.",
        "$\"{1}\"", "1.5", "'c'", "new[] { 1 }", "typeof(int[])", "typeof(System.Collections.Generic.List<>)", "typeof(void)", "nameof(nameof)",
        "typeof(FsmGen.TriggerPolicy)", "FsmGen.TriggerPolicy.Ignore", "(FsmGen.TriggerPolicy)7", "\"\"", "0", "int.MinValue",
    };

    private static readonly string[] WrongTypes =
    {
        "Ordr", "object", "dynamic", "int?", "string?", "Task<int>", "ValueTask<bool>", "ref int", "params int[]", "int[]", "System.Exception",
        "T", "var", "void", "bool", "CancellationToken", "Task", "ValueTask", "(int, int)", "delegate*<void>", "System.Action",
    };

    private static readonly string[] StrayTokens =
    {
        "partial ", "static ", "[State]", "[State(Start = true)]", "[State(End = true)]", "[Transition(To = nameof(", "[Transition]", "{", "}", "(", ")", ";",
        "<T>", "async ", "ref ", "[StateMachine]", "public class X {} ", "#if X\n", "/*", "\"", "@", "?", "[", "]", ",", "=", "nameof(", "abstract ",
    };

    private readonly string _text;
    private readonly List<TextSpan> _tokens;
    private readonly List<TextSpan> _lines;
    private readonly List<Match> _arguments;
    private readonly List<Match> _types;

    public SourceMutator(string text)
    {
        _text = text;
        var tree = CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions);
        _tokens = tree.GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).Select(t => t.Span).ToList();
        _lines = SourceText.From(text).Lines.Where(l => l.SpanIncludingLineBreak.Length > 0).Select(l => l.SpanIncludingLineBreak).ToList();
        _arguments = ArgumentPattern().Matches(text).ToList();
        _types = TypePattern().Matches(text).ToList();
    }

    public Mutation Next(Random random)
    {
        var kind = Kinds[random.Next(Kinds.Length)];
        switch (kind)
        {
            case "delete token":
            {
                var token = _tokens[random.Next(_tokens.Count)];
                return Replace(kind, token, "");
            }

            case "delete line":
            {
                var line = _lines[random.Next(_lines.Count)];
                return Replace(kind, line, "");
            }

            case "truncate":
            {
                var at = random.Next(_text.Length);
                return new Mutation(kind, "cut at " + at + " after '" + Excerpt(Math.Max(0, at - 30), Math.Min(30, at)) + "'", _text.Substring(0, at));
            }

            case "half-typed argument" when _arguments.Count > 0:
            {
                var argument = _arguments[random.Next(_arguments.Count)].Groups["value"];
                return Replace(kind, new TextSpan(argument.Index, argument.Length), HalfTypedValues[random.Next(HalfTypedValues.Length)]);
            }

            case "wrong type" when _types.Count > 0:
            {
                var type = _types[random.Next(_types.Count)];
                return Replace(kind, new TextSpan(type.Index, type.Length), WrongTypes[random.Next(WrongTypes.Length)]);
            }

            case "duplicate line":
            {
                var line = _lines[random.Next(_lines.Count)];
                return Replace(kind, new TextSpan(line.End, 0), _text.Substring(line.Start, line.Length));
            }

            case "insert token":
            {
                var token = _tokens[random.Next(_tokens.Count)];
                return Replace(kind, new TextSpan(token.Start, 0), StrayTokens[random.Next(StrayTokens.Length)]);
            }

            default:
            {
                var at = random.Next(_text.Length);
                return Replace("delete character", new TextSpan(at, 1), "");
            }
        }
    }

    private Mutation Replace(string kind, TextSpan span, string replacement)
    {
        var text = _text.Substring(0, span.Start) + replacement + _text.Substring(span.End);
        return new Mutation(kind, "'" + Excerpt(span.Start, span.Length) + "' at " + span.Start + " -> '" + replacement.Trim() + "'", text);
    }

    private string Excerpt(int start, int length) => _text.Substring(start, Math.Min(length, 60)).Replace("\n", "\\n");

    // Named attribute arguments of [StateMachine], [State] and [Transition], with their value.
    [GeneratedRegex("""\b(?:To|When|On|Transform|Priority|OnFailure|Exception|Push|Parent|OnExit|Start|End|EmitOutput|RunOnFailure|Triggers|History|MaxSteps|UnknownTrigger|GuardFailure)\s*=\s*(?<value>(?:nameof|typeof)\([^)]*\)|"[^"]*"|[\w.\-]+)""")]
    private static partial Regex ArgumentPattern();

    [GeneratedRegex("""\b(?:Order|Document|Cart|Request|Job|Parcel|void|bool|string|int|decimal|Task|ValueTask|CancellationToken|PlayerTrigger|PhoneTrigger|DoorTrigger|JobTrigger|Payment)\b""")]
    private static partial Regex TypePattern();
}
