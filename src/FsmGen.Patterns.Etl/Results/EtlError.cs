using System.Globalization;

namespace FsmGen.Patterns.Etl;

/// <summary>Where a record failed and why. Messages leave field values out unless <see cref="EtlConfig.IncludeValuesInErrors"/> is set.</summary>
/// <param name="Position">
/// The record's 1-based position in the source: for a database source, its place in this run's read order; for a file,
/// its record number in the file (as the file processing pattern numbers them).
/// </param>
/// <param name="Key">The record's key, such as <c>id=42</c> (the source's order columns, else the target's key fields), or null when it has none.</param>
/// <param name="Stage">The stage that failed.</param>
/// <param name="Field">The field at fault, when one is.</param>
/// <param name="Reason">What went wrong.</param>
public sealed record EtlError(long Position, string? Key, EtlStage Stage, string? Field, string Reason)
{
    /// <summary>Describes the error as <c>record n (key) stage: reason</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Key is null
        ? string.Create(CultureInfo.InvariantCulture, $"record {Position} {Stage}: {Reason}")
        : string.Create(CultureInfo.InvariantCulture, $"record {Position} ({Key}) {Stage}: {Reason}");
}
