using System.Net.Sockets;
using Polly;
using Polly.Timeout;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// The default split between transient errors (worth retrying) and permanent ones (retrying cannot help). Replace it
/// per workflow with <see cref="RetryConfig.IsTransient"/>.
/// </summary>
public static class ErrorClassifier
{
    /// <summary>
    /// Transient: <see cref="HttpRequestException"/>, <see cref="TimeoutException"/>, <see cref="IOException"/>,
    /// <see cref="SocketException"/>, Polly's <see cref="TimeoutRejectedException"/>, and any exception not listed as
    /// permanent. Permanent: cancellation, <see cref="ArgumentException"/>, <see cref="InvalidOperationException"/>,
    /// <see cref="NotSupportedException"/>, <see cref="NotImplementedException"/>, <see cref="FormatException"/>,
    /// <see cref="UnauthorizedAccessException"/>, <see cref="CompensationFailedException"/>, and Polly's rejections
    /// (open circuit, full bulkhead): retrying those at once only meets the same rejection.
    /// An <see cref="AggregateException"/> is transient when every inner exception is.
    /// </summary>
    /// <param name="error">The exception to classify.</param>
    public static bool IsTransient(Exception error) => error switch
    {
        null => throw new ArgumentNullException(nameof(error)),
        HttpRequestException or TimeoutException or IOException or SocketException or TimeoutRejectedException => true,
        OperationCanceledException => false,
        ExecutionRejectedException => false,
        ArgumentException or InvalidOperationException or NotSupportedException or NotImplementedException
            or FormatException or UnauthorizedAccessException or CompensationFailedException => false,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransient),
        // Unknown exceptions are retried, as Polly does: a bounded retry of a permanent error costs little, a
        // missed retry of a transient one fails the whole execution.
        _ => true,
    };
}
