using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Generators.Tests.Support;

/// <summary>Small, named edits of a compilation that keep every untouched file's <see cref="SyntaxTree"/> object.</summary>
internal static class Edits
{
    public static CSharpCompilation Compile(params (string Path, string Text)[] files) =>
        TestCompilation.Create(files.Select(f => TestCompilation.Parse(f.Text, f.Path)).ToArray());

    public static SyntaxTree Tree(Compilation compilation, string path) => compilation.SyntaxTrees.Single(t => t.FilePath == path);

    public static CSharpCompilation Replace(CSharpCompilation compilation, string path, string text) =>
        compilation.ReplaceSyntaxTree(Tree(compilation, path), TestCompilation.Parse(text, path));

    /// <summary>Replaces one text of one file (which must contain it).</summary>
    public static CSharpCompilation Edit(CSharpCompilation compilation, string path, string oldText, string newText)
    {
        var text = Tree(compilation, path).GetText().ToString();
        Assert.Contains(oldText, text);
        return Replace(compilation, path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public static CSharpCompilation Add(CSharpCompilation compilation, string path, string text) =>
        compilation.AddSyntaxTrees(TestCompilation.Parse(text, path));

    public static CSharpCompilation Remove(CSharpCompilation compilation, string path) =>
        compilation.RemoveSyntaxTrees(Tree(compilation, path));

    /// <summary>The reference to the assembly called <paramref name="fileName"/> (e.g. FsmGen.dll).</summary>
    public static MetadataReference Reference(Compilation compilation, string fileName) =>
        compilation.References.Single(r => string.Equals(Path.GetFileName(r.Display), fileName, StringComparison.OrdinalIgnoreCase));

    /// <summary>A library as a user project would reference it after building it: an emitted image.</summary>
    public static MetadataReference Library(string assemblyName, string source)
    {
        var library = CSharpCompilation.Create(assemblyName, new[] { TestCompilation.Parse(source, assemblyName + ".cs") }, TestCompilation.References, TestCompilation.Options());
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Expect.None(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), "The library " + assemblyName + " does not build");
        return MetadataReference.CreateFromImage(image.ToArray(), filePath: assemblyName + ".dll");
    }
}
