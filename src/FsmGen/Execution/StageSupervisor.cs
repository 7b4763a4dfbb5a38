using System.Runtime.ExceptionServices;

namespace FsmGen;

/// <summary>
/// Runs the concurrent stages of one batch or stream run. The first failure stops every stage; the run only
/// reports its outcome after all stages have ended, so nothing keeps running once the caller sees an exception.
/// </summary>
internal sealed class StageSupervisor : IDisposable
{
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource _stop;
    private ExceptionDispatchInfo? _firstFailure;
    private volatile bool _stageCancelled;

    public StageSupervisor(CancellationToken callerToken)
    {
        _callerToken = callerToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
    }

    /// <summary>Cancelled when the caller cancels or any stage fails.</summary>
    public CancellationToken StopToken => _stop.Token;

    /// <summary>Starts a stage on the thread pool; its exceptions are captured instead of faulting the returned task.</summary>
    public Task Start(Func<Task> stage) => Task.Run(() => GuardAsync(stage));

    /// <summary>Records a failure and stops the other stages; only the first failure is rethrown.</summary>
    public void Fail(Exception failure)
    {
        Interlocked.CompareExchange(ref _firstFailure, ExceptionDispatchInfo.Capture(failure), null);
        try
        {
            _stop.Cancel();
        }
        catch (AggregateException callbackFailure)
        {
            // A registration on the stop token threw; keep the original failure as the one reported.
            Interlocked.CompareExchange(ref _firstFailure, ExceptionDispatchInfo.Capture(callbackFailure), null);
        }
    }

    /// <summary>Call after every stage has ended: rethrows the first failure, or reports the caller's cancellation.</summary>
    public void ThrowIfStopped()
    {
        _firstFailure?.Throw();

        // A run that finished every record before noticing a late cancellation still returns its complete result.
        if (_stageCancelled)
        {
            throw new OperationCanceledException("The run was cancelled.", _callerToken);
        }
    }

    public void Dispose() => _stop.Dispose();

    private async Task GuardAsync(Func<Task> stage)
    {
        try
        {
            await stage().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            _stageCancelled = true;
        }
        catch (Exception failure)
        {
            Fail(failure);
        }
    }
}
