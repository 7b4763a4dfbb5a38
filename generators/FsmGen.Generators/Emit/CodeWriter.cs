using System;
using System.Text;

namespace FsmGen.Generators.Emit;

/// <summary>A small indented writer over a StringBuilder: the emitters write C# as text, never through SyntaxFactory.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes a multi-line block (e.g. a raw string literal), indenting each line at the current level.</summary>
    public CodeWriter Lines(string block)
    {
        foreach (var line in block.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line.TrimEnd());
        }

        return this;
    }

    /// <summary>Writes <paramref name="header"/> (if any) and an indented braced block, closed when disposed.</summary>
    public IDisposable Block(string header)
    {
        if (header.Length > 0) Line(header);
        Line("{");
        _indent++;
        return new Closer(this, "}");
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    public override string ToString() => _text.ToString();

    private sealed class Closer : IDisposable
    {
        private readonly CodeWriter _writer;
        private readonly string _close;

        public Closer(CodeWriter writer, string close)
        {
            _writer = writer;
            _close = close;
        }

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line(_close);
        }
    }
}
