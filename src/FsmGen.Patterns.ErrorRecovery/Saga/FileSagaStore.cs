using System.Text;
using System.Text.Json;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Keeps each saga's state in its own JSON file in a directory. A save writes a temporary file, flushes it to disk and
/// renames it over the old file, so a crash leaves either the old state or the new one, never half of each.
/// </summary>
/// <remarks>
/// The rename is atomic on POSIX file systems and NTFS. The directory entry itself is not fsync'ed (.NET has no API
/// for it), so on a power loss (not a process crash) the last rename may be lost on some file systems; the saga then
/// resumes from the state before it, which re-runs at most one step or compensation.
/// One saga id must not be run by two processes at once.
/// </remarks>
public sealed class FileSagaStore : ISagaStore
{
    private const string Extension = ".saga.json";

    /// <summary>Creates a store in <paramref name="directory"/>, creating the directory if needed.</summary>
    /// <param name="directory">Where the saga files live.</param>
    public FileSagaStore(string directory)
    {
        Directory = Path.GetFullPath(Require.NotBlank(directory, nameof(directory)));
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The directory holding one <c>.saga.json</c> file per saga.</summary>
    public string Directory { get; }

    /// <summary>The file that holds <paramref name="sagaId"/>'s state.</summary>
    /// <param name="sagaId">The saga's id; any characters, escaped into a safe file name.</param>
    public string PathOf(string sagaId) => Path.Combine(Directory, EscapeFileName(sagaId) + Extension);

    /// <inheritdoc />
    public async ValueTask<SagaState?> LoadAsync(string sagaId, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sagaId);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, useAsync: true);
        return await JsonSerializer.DeserializeAsync(stream, SagaJsonContext.Default.SagaState, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"{path} holds no saga state.");
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(SagaState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var path = PathOf(state.SagaId);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096, useAsync: true))
            {
                await JsonSerializer.SerializeAsync(stream, state, SagaJsonContext.Default.SagaState, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DeleteAsync(string sagaId, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(sagaId));
        return default;
    }

    /// <summary>Keeps letters, digits, '-' and '.'; every other UTF-8 byte becomes <c>_XX</c>, so distinct ids never share a file.</summary>
    private static string EscapeFileName(string sagaId)
    {
        Require.NotBlank(sagaId, nameof(sagaId));
        var name = new StringBuilder(sagaId.Length);
        foreach (var b in Encoding.UTF8.GetBytes(sagaId))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' || (c is '.' && name.Length > 0))
            {
                name.Append(c);
            }
            else
            {
                name.Append('_').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return name.ToString();
    }
}
