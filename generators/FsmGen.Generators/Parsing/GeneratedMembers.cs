using System.Collections.Generic;

namespace FsmGen.Generators.Parsing;

/// <summary>Names the emitters give to members of a machine class; a state method with one of them would collide.</summary>
internal static class GeneratedMembers
{
    private static readonly HashSet<string> Reserved = new()
    {
        "StateId", "Mermaid", "Dot", "Graph", "History", "OnEnter", "OnExit", "OnTransition", "OnError",
        "Run", "RunAsync", "RunOrThrow", "RunOrThrowAsync", "RunOrThrowAsyncResume", "RunFastAsyncResume", "Begin", "Execution", "Cursor", "Finish", "Advance", "AdvanceAsync",
        "Current", "Restore", "IsIn", "ParentOf", "AllTriggers", "Fire", "TryFire", "FireAsync", "TryFireAsync",
        "CanFire", "CanFireAsync", "GetPermittedTriggers", "GetPermittedTriggersAsync", "FireCore", "FireCoreAsync",
        "Unhandled", "GuardFailed", "RecoveryTimeProvider", "RecoveryPipelines", "CreateRecoveryPipelines",
    };

    /// <summary>Prefix of the async fire's helpers (FireCoreAsyncResume0, FireCoreAsyncFaulted, ...).</summary>
    private const string ReservedPrefix = "FireCoreAsync";

    public static bool IsReserved(string name) => Reserved.Contains(name) || name.StartsWith(ReservedPrefix, System.StringComparison.Ordinal);
}
