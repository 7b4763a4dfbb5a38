using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Incremental;

/// <summary>
/// Whether a tree may use one of some names, answered from its text: an identifier written in the tree is in its text,
/// so a name absent from the text is certainly not used. The converse may not hold (a name in a comment or a string),
/// which only makes the answer more cautious. An occurrence next to an ASCII letter, digit or underscore is part of a
/// longer identifier and does not count (<c>Id</c> in <c>Identifier</c>); next to any other character it does. Scanning
/// text on the rare rerun that needs it is cheaper than keeping every tree's identifiers from the cold run.
/// </summary>
internal static class TreeText
{
    [ThreadStatic]
    private static char[]? _buffer;

    /// <summary>
    /// True when the text may write a name in a form a plain search would miss: a Unicode escape (<c>\u0053tate</c> is
    /// <c>State</c>) or a formatting character, which identifier comparison ignores. Read once per tree
    /// (<see cref="TreeSummary"/>), so that a rerun does not scan for it.
    /// </summary>
    public static bool MayHideNames(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var length = Load(tree, cancellationToken, out var buffer);
        return Contains(buffer, length, "\\u", wholeName: false) || Contains(buffer, length, "\\U", wholeName: false) || HasFormattingCharacter(buffer, length);
    }

    /// <summary>Whether the tree may use one of <paramref name="names"/>; <paramref name="summary"/> is the tree's.</summary>
    public static bool MayUseAny(SyntaxTree tree, TreeSummary summary, HashSet<string> names, CancellationToken cancellationToken)
    {
        if (summary.MayHideNames) return true;
        var length = Load(tree, cancellationToken, out var buffer);
        foreach (var name in names)
        {
            if (name.Length > 0 && Contains(buffer, length, name, wholeName: true)) return true;
        }

        return false;
    }

    private static int Load(SyntaxTree tree, CancellationToken cancellationToken, out char[] buffer)
    {
        var text = tree.GetText(cancellationToken);
        var length = text.Length;
        buffer = _buffer is { } existing && existing.Length >= length ? existing : _buffer = new char[Math.Max(length, 4096)];
        text.CopyTo(0, buffer, 0, length);
        return length;
    }

    private static bool Contains(char[] buffer, int length, string value, bool wholeName)
    {
        var first = value[0];
        var last = length - value.Length;
        for (var i = Array.IndexOf(buffer, first, 0, length); i >= 0 && i <= last; i = Array.IndexOf(buffer, first, i + 1, length - i - 1))
        {
            if (MatchesAt(buffer, i, value) && (!wholeName || (!IsAsciiIdentifierPart(buffer, i - 1, length) && !IsAsciiIdentifierPart(buffer, i + value.Length, length)))) return true;
        }

        return false;
    }

    private static bool IsAsciiIdentifierPart(char[] buffer, int index, int length)
    {
        if (index < 0 || index >= length) return false;
        var c = buffer[index];
        return c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
    }

    private static bool HasFormattingCharacter(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (buffer[i] > 0x7F && char.GetUnicodeCategory(buffer[i]) == System.Globalization.UnicodeCategory.Format) return true;
        }

        return false;
    }

    private static bool MatchesAt(char[] buffer, int start, string value)
    {
        for (var j = 1; j < value.Length; j++)
        {
            if (buffer[start + j] != value[j]) return false;
        }

        return true;
    }
}
