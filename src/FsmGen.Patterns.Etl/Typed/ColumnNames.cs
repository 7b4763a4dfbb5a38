namespace FsmGen.Patterns.Etl;

/// <summary>
/// Finds a record member's column among a table's or a query's columns: the exact name, else the one name that equals it
/// ignoring case and underscores, so that a member <c>UpdatedAt</c> finds <c>updated_at</c> without an attribute.
/// </summary>
internal static class ColumnNames
{
    /// <summary>The index of <paramref name="wanted"/> in <paramref name="names"/>, or -1.</summary>
    /// <exception cref="EtlException">Two names match loosely and none exactly.</exception>
    public static int Find(string wanted, IReadOnlyList<string> names, string where, string member)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == wanted)
            {
                return i;
            }
        }

        var loose = Loose(wanted);
        var found = -1;
        for (var i = 0; i < names.Count; i++)
        {
            if (Loose(names[i]) != loose)
            {
                continue;
            }

            if (found >= 0)
            {
                throw new EtlException($"{member} matches both columns '{names[found]}' and '{names[i]}' of {where} (case and underscores ignored); name its column with [Column(\"...\")].");
            }

            found = i;
        }

        return found;
    }

    private static string Loose(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
