using System.Diagnostics;

namespace FsmGen.Showcase;

/// <summary>
/// Runs each pattern's sample program (built alongside the showcase) as its own process, so every sample stays a
/// standalone program you can also run alone, and the showcase is still one command.
/// </summary>
internal static class PatternTours
{
    private static readonly (string Title, string Project)[] Tours =
    [
        ("Error recovery: retry, breaker, fallback and a saga against a flaky HTTP server on 127.0.0.1", "FsmGen.Samples.ErrorRecovery"),
        ("File processing: CSV -> JSON Lines with validation, a log analyzer, many files", "FsmGen.Samples.FileProcessing"),
        ("Database ETL on SQLite: CSV and JSON Lines into tables, then an incremental sync", "FsmGen.Samples.Etl"),
    ];

    public static async Task<int> RunAllAsync()
    {
        var failures = 0;
        for (var i = 0; i < Tours.Length; i++)
        {
            var (title, project) = Tours[i];
            Console.WriteLine();
            Console.WriteLine($"{i + 4}. {title}");
            var exitCode = await RunAsync(project);
            if (exitCode != 0)
            {
                Console.WriteLine($"   {project} exited with {exitCode}");
                failures++;
            }
        }

        return failures;
    }

    private static async Task<int> RunAsync(string project)
    {
        // bin/<Configuration>/net10.0 of the showcase -> the same folders of the sibling sample project.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var samples = output.Parent!.Parent!.Parent!.Parent!.FullName;
        var assembly = Path.Combine(samples, project, "bin", output.Parent!.Name, output.Name, project + ".dll");
        if (!File.Exists(assembly)) throw new FileNotFoundException($"The {project} sample was not built next to the showcase.", assembly);

        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = Indent(process.StandardOutput);
        var stderr = Indent(process.StandardError);
        await Task.WhenAll(stdout, stderr, process.WaitForExitAsync());
        return process.ExitCode;
    }

    private static async Task Indent(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            Console.WriteLine("   " + line);
        }
    }
}
