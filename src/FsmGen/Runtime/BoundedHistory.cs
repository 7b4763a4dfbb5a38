namespace FsmGen;

/// <summary>
/// A fixed-capacity ring of the most recent entries. Adding never allocates, so a machine can keep history on its hot path.
/// Not thread-safe: it belongs to one machine instance.
/// </summary>
/// <typeparam name="T">The entry type.</typeparam>
public sealed class BoundedHistory<T>
{
    private readonly T[] _ring;
    private int _next;

    /// <summary>Creates a history that keeps the last <paramref name="capacity"/> entries.</summary>
    public BoundedHistory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _ring = new T[capacity];
    }

    /// <summary>How many entries the history keeps at most.</summary>
    public int Capacity => _ring.Length;

    /// <summary>How many entries it holds now.</summary>
    public int Count { get; private set; }

    /// <summary>How many entries were ever added (including those overwritten).</summary>
    public long TotalAdded { get; private set; }

    /// <summary>Adds an entry, overwriting the oldest when full.</summary>
    public void Add(T entry)
    {
        _ring[_next] = entry;
        _next = _next + 1 == _ring.Length ? 0 : _next + 1;
        if (Count < _ring.Length) Count++;
        TotalAdded++;
    }

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        Array.Clear(_ring);
        _next = 0;
        Count = 0;
    }

    /// <summary>The entries, oldest first.</summary>
    public T[] ToArray()
    {
        var result = new T[Count];
        var start = Count < _ring.Length ? 0 : _next;
        for (var i = 0; i < Count; i++)
        {
            result[i] = _ring[(start + i) % _ring.Length];
        }

        return result;
    }
}
