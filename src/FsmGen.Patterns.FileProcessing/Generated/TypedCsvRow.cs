using System.ComponentModel;
using CsvHelper;

namespace FsmGen.Patterns.FileProcessing.Generated;

/// <summary>
/// The CSV row that a generated <see cref="TypedRecordFormat{TRecord}.TryRead"/> converts: the reader positioned on it,
/// the column index of every member (found once per file from the header), and where a field that does not convert is
/// reported. Created by the typed processor; used by generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TypedCsvRow
{
    private readonly IReadOnlyList<TypedMember> _members;
    private readonly bool _includeValues;
    private readonly int[] _columns;

    internal TypedCsvRow(CsvReader reader, IReadOnlyList<TypedMember> members, bool includeValues)
    {
        Reader = reader;
        _members = members;
        _includeValues = includeValues;
        _columns = new int[members.Count];
    }

    /// <summary>The reader, positioned on the row.</summary>
    public CsvReader Reader { get; }

    /// <summary>The column of each member, by member index; -1 for an optional member whose column the header lacks.</summary>
    public ReadOnlySpan<int> Columns => _columns;

    /// <summary>Whether the header has been matched to the members.</summary>
    internal bool IsBound { get; private set; }

    /// <summary>The columns of required members that the header lacks, as an error of every record; null when there are none.</summary>
    internal StageFailure? MissingColumns { get; private set; }

    /// <summary>The failure of the last <see cref="Invalid"/>.</summary>
    internal StageFailure? Failure { get; private set; }

    /// <summary>Reports that the field of member <paramref name="member"/> does not convert into the member's type.</summary>
    /// <param name="member">The member's index.</param>
    /// <returns>False, for the generated code to return.</returns>
    public bool Invalid(int member)
    {
        var description = _members[member];
        var column = _columns[member];
        var field = column < Reader.Headers.Count ? Reader.Headers[column] : description.Column;
        var reason = Reader.IsEmpty(column)
            ? $"field '{field}': is empty, but {description.Name} ({description.TypeName}) needs a value"
            : _includeValues
                ? $"field '{field}': '{Reader.GetString(column)}' is not a valid {description.TypeName}"
                : $"field '{field}': is not a valid {description.TypeName}";
        Failure = new StageFailure(ProcessingStage.Parse, field, reason);
        return false;
    }

    /// <summary>
    /// Finds the column of every member in the header: by name (exactly, then ignoring case and surrounding whitespace,
    /// as CsvHelper matches), then ignoring everything but letters and digits, so that <c>order_id</c> finds <c>OrderId</c>.
    /// </summary>
    internal void Bind()
    {
        IsBound = true;
        var headers = Reader.Headers;
        var normalized = headers.Select(Normalize).ToArray();
        List<string>? missing = null;
        for (var i = 0; i < _columns.Length; i++)
        {
            var member = _members[i];
            if (!Reader.TryGetFieldIndex(member.Column, out var index))
            {
                index = Array.IndexOf(normalized, Normalize(member.Column));
            }

            _columns[i] = index;
            if (index < 0 && member.Required)
            {
                (missing ??= []).Add(member.Column);
            }
        }

        if (missing is not null)
        {
            var names = string.Join(", ", missing.Select(m => $"'{m}'"));
            var reason = missing.Count == 1
                ? $"the header has no column {names}, which the record type needs"
                : $"the header has no columns {names}, which the record type needs";
            MissingColumns = new StageFailure(ProcessingStage.Parse, missing[0], reason);
        }
    }

    private static string Normalize(string name) =>
        string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
