namespace FsmGen.Generators.Parsing;

/// <summary>
/// The defaults of the recovery attributes' properties. Metadata does not carry property initializers, so the generator
/// repeats them here; a test in FsmGen.Generators.Tests checks them against the attribute classes.
/// </summary>
internal static class RecoveryDefaults
{
    public const int MaxRetries = 3;
    public const int DelayMilliseconds = 100;
    public const string Backoff = "Exponential";
    public const int FailureThreshold = 5;
    public const int OpenMilliseconds = 30_000;

    /// <summary>Polly's timeout strategy accepts 10 ms to 24 h.</summary>
    public const int MinDeadlineMilliseconds = 10;
    public const int MaxDeadlineMilliseconds = 24 * 60 * 60 * 1000;

    /// <summary>Completed compensable states are kept in a 64-bit stack of 4-bit entries, so a machine has at most 16.</summary>
    public const int MaxCompensatedStates = 16;
}
