using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Tests.Support;

/// <summary>Emits a compilation and loads it into a collectible context, to run generated code from a test.</summary>
internal sealed class CompiledAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private CompiledAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static CompiledAssembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Expect.None(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), "Emit failed");
        image.Position = 0;
        // FsmGen.dll resolves from the default context, so FlowResult etc. are the test's own types.
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new CompiledAssembly(context, context.LoadFromStream(image));
    }

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    public void Dispose() => _context.Unload();
}
