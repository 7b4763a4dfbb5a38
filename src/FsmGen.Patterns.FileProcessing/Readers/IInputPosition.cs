namespace FsmGen.Patterns.FileProcessing;

/// <summary>How far a run has read its input, for progress reports and the result.</summary>
internal interface IInputPosition
{
    /// <summary>Bytes of the input file read so far; safe to read from another thread.</summary>
    long BytesRead { get; }

    /// <summary>The size of the input file.</summary>
    long TotalBytes { get; }

    /// <summary>Lines read so far (0 for formats without lines).</summary>
    long LinesRead { get; }
}
