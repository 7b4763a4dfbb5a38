namespace FsmGen.Generators.Tests.Diagnostics;

/// <summary>
/// One source that must produce diagnostic <paramref name="Id"/>: on every line of <paramref name="Body"/> marked
/// <c>/*here*/</c> and nowhere else, with a message that contains each of <paramref name="Culprits"/>.
/// </summary>
/// <param name="Name">Unique name shown by the test runner.</param>
/// <param name="Machine">The annotated class the diagnostic is about (nothing may be generated for it when it is an error).</param>
public sealed record DiagnosticCase(string Name, string Id, string Machine, string Body, params string[] Culprits)
{
    /// <summary>Types every case may use.</summary>
    public const string Preamble = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using FsmGen;
        using FsmGen.Patterns.ErrorRecovery;

        namespace Demo;

        public sealed record Order(int Lines);

        public enum Signal { Go, Stop }

        public enum Other { Go }


        """;

    public string Source => Preamble + Body;

    /// <summary>Errors normally stop generation; a case about a second annotation can leave the machine itself emitted.</summary>
    public bool MachineStillEmitted { get; init; }

    public override string ToString() => Name;
}
