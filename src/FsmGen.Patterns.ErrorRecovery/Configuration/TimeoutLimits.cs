namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>The range Polly's timeout strategy validates its timeout against.</summary>
internal static class TimeoutLimits
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(24);
}
