using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Generators.Tests.Support;

/// <summary>
/// Builds compilations the way a user project would see them: latest language version, nullable enabled, every
/// assembly of the running test's platform plus the FsmGen runtime. References are loaded once and shared.
/// </summary>
internal static class TestCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>Options with nullable enabled and every warning reported; <paramref name="warningsAsErrors"/> promotes them to errors.</summary>
    public static CSharpCompilationOptions Options(bool warningsAsErrors = false) =>
        new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                generalDiagnosticOption: warningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default);

    public static SyntaxTree Parse(string source, string path = "Machine.cs") =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    public static CSharpCompilation Create(params string[] sources) =>
        Create(sources.Select((source, i) => Parse(source, i == 0 ? "Machine.cs" : "Machine" + i + ".cs")).ToArray());

    public static CSharpCompilation Create(SyntaxTree[] trees, bool warningsAsErrors = false) =>
        CSharpCompilation.Create("UserAssembly", trees, References, Options(warningsAsErrors));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The test assembly and the generator itself are not something a user project references.
        var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            Path.GetFileName(Assembly.GetExecutingAssembly().Location),
            Path.GetFileName(typeof(StateMachineGenerator).Assembly.Location),
        };
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(StateAttribute).Assembly.Location)
            .Where(p => !excluded.Contains(Path.GetFileName(p)))
            .GroupBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .OrderBy(p => p, StringComparer.Ordinal);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}
