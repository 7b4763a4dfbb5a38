namespace FsmGen;

/// <summary>How far a batch run has got; reported after each batch finishes.</summary>
public readonly struct BatchProgress
{
    /// <summary>Creates a progress report.</summary>
    /// <param name="completed">Records that have their outcome so far.</param>
    /// <param name="total">Records in the whole run.</param>
    public BatchProgress(int completed, int total)
    {
        Completed = completed;
        Total = total;
    }

    /// <summary>Records that have their outcome so far (succeeded or failed). Never decreases between reports.</summary>
    public int Completed { get; }

    /// <summary>Records in the whole run.</summary>
    public int Total { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Completed}/{Total}";
}
