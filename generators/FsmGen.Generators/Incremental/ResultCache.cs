using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FsmGen.Generators.Incremental;

/// <summary>
/// The parse result of each annotated class declaration, reused on a rerun unless the compilation changed in a way that
/// may change it (<see cref="ChangeSet"/>).
/// <para>
/// Why: Roslyn re-runs a provider's semantic transform for every class it matched whenever the compilation changes, so
/// an edit anywhere would re-parse every machine, binding their attributes and member signatures again. A syntax node
/// is immutable, and what it binds to can only change through declarations its trees name, so a result can be kept
/// as long as none of the trees that declare the class is affected. Keyed by tree and span rather than by node, so a
/// tree whose nodes were rebuilt from the same text still finds its results.
/// </para>
/// </summary>
internal sealed class ResultCache<TResult>
    where TResult : class
{
    private readonly SnapshotCache _snapshots;
    private readonly ConditionalWeakTable<SyntaxTree, Dictionary<TextSpan, Entry>> _entries = new();
    private int _parses;

    public ResultCache(SnapshotCache snapshots) => _snapshots = snapshots;

    /// <summary>How many times <see cref="GetOrParse"/> had to parse: for tests that check results are reused.</summary>
    public int Parses => Volatile.Read(ref _parses);

    /// <summary>
    /// The cached result for <paramref name="node"/> if it still holds in <paramref name="compilation"/>; otherwise
    /// <paramref name="parse"/>'s, which also names the trees the result was read from (every declaration of the class).
    /// </summary>
    public TResult GetOrParse(SyntaxNode node, Compilation compilation, Func<ParsedClass<TResult>> parse, CancellationToken cancellationToken)
    {
        var snapshot = _snapshots.Of(compilation, cancellationToken);
        var entries = _entries.GetValue(node.SyntaxTree, static _ => new Dictionary<TextSpan, Entry>());
        Entry? entry;
        lock (entries) entries.TryGetValue(node.Span, out entry);

        if (entry is not null && !snapshot.ChangesSince(entry.Snapshot, cancellationToken).Affects(entry.Parsed.Trees, snapshot))
        {
            // Still valid here: compare the next compilation with this one, not with the one it was parsed in.
            if (!ReferenceEquals(entry.Snapshot, snapshot))
            {
                lock (entries) entries[node.Span] = new Entry(snapshot, entry.Parsed);
            }

            return entry.Parsed.Result;
        }

        Interlocked.Increment(ref _parses);
        var parsed = parse();
        lock (entries) entries[node.Span] = new Entry(snapshot, parsed);
        return parsed.Result;
    }

    /// <summary>A result and the snapshot of the last compilation it was found valid in.</summary>
    private sealed class Entry
    {
        public Entry(CompilationSnapshot snapshot, ParsedClass<TResult> parsed)
        {
            Snapshot = snapshot;
            Parsed = parsed;
        }

        public CompilationSnapshot Snapshot { get; }

        public ParsedClass<TResult> Parsed { get; }
    }
}

/// <summary>A parse result and the trees it was read from.</summary>
internal readonly struct ParsedClass<TResult>
{
    public ParsedClass(TResult result, IReadOnlyCollection<SyntaxTree> trees)
    {
        Result = result;
        Trees = trees;
    }

    public TResult Result { get; }

    public IReadOnlyCollection<SyntaxTree> Trees { get; }
}
