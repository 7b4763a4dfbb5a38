namespace FsmGen.Patterns.Etl;

/// <summary>The key values of a staged row, compared by value, to find rows of one batch that share a key.</summary>
internal readonly struct RowKey(object?[] row, int[] keyIndexes) : IEquatable<RowKey>
{
    public bool Equals(RowKey other)
    {
        for (var i = 0; i < keyIndexes.Length; i++)
        {
            if (!Equals(row[keyIndexes[i]], other.Row[keyIndexes[i]]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var i in keyIndexes)
        {
            hash.Add(row[i]);
        }

        return hash.ToHashCode();
    }

    private object?[] Row => row;
}
