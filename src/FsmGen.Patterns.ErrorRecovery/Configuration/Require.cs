namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>Constructor-time checks that name the offending field, so a bad config fails where it is written.</summary>
internal static class Require
{
    public static int AtLeast(int value, int minimum, string field) => value >= minimum
        ? value
        : throw new ArgumentOutOfRangeException(field, value, $"{field} must be at least {minimum}.");

    public static double AtLeast(double value, double minimum, string field) => value >= minimum && !double.IsNaN(value)
        ? value
        : throw new ArgumentOutOfRangeException(field, value, $"{field} must be at least {minimum}.");

    public static TimeSpan NotNegative(TimeSpan value, string field) => value >= TimeSpan.Zero
        ? value
        : throw new ArgumentOutOfRangeException(field, value, $"{field} must not be negative.");

    public static TimeSpan Positive(TimeSpan value, string field) => value > TimeSpan.Zero
        ? value
        : throw new ArgumentOutOfRangeException(field, value, $"{field} must be greater than zero.");

    /// <summary>Polly's timeout strategy accepts 10 ms to 24 h; checking here gives the error our field name.</summary>
    public static TimeSpan TimeoutRange(TimeSpan value, string field) =>
        value >= TimeoutLimits.Minimum && value <= TimeoutLimits.Maximum
            ? value
            : throw new ArgumentOutOfRangeException(field, value,
                $"{field} must be between {TimeoutLimits.Minimum.TotalMilliseconds} ms and {TimeoutLimits.Maximum.TotalHours} h.");

    public static string NotBlank(string? value, string field) => !string.IsNullOrWhiteSpace(value)
        ? value
        : throw new ArgumentException($"{field} must not be empty.", field);
}
