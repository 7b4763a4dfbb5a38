using System.Collections.Concurrent;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>The last good result per key, with the time it was stored, read back only while younger than the TTL.</summary>
internal sealed class LastGoodCache(CacheConfig config, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public void Store<T>(string key, T value)
    {
        var entry = new Entry(value, time.GetTimestamp());
        if (_entries.Count >= config.MaxEntries && !_entries.ContainsKey(key))
        {
            DropExpired();
            if (_entries.Count >= config.MaxEntries)
            {
                return; // full of live entries: keep serving them rather than evict one at random
            }
        }

        _entries[key] = entry;
    }

    public bool TryGetFresh<T>(string key, out T value)
    {
        if (_entries.TryGetValue(key, out var entry) && IsFresh(entry) && entry.Value is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    private bool IsFresh(Entry entry) => time.GetElapsedTime(entry.StoredAt) < config.TimeToLive;

    private void DropExpired()
    {
        foreach (var (key, entry) in _entries)
        {
            if (!IsFresh(entry))
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
    }

    private sealed record Entry(object? Value, long StoredAt);
}
