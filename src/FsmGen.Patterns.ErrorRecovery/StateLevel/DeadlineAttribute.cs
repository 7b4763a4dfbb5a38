namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Fails a <c>[State]</c> method's body, retries included, with a timeout after <see cref="Milliseconds"/>. The body must
/// take a <see cref="CancellationToken"/>: the deadline stops it by cancelling that token.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class DeadlineAttribute : Attribute
{
    /// <summary>The deadline in milliseconds; at least 10.</summary>
    public int Milliseconds { get; set; }
}
