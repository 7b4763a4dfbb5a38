namespace FsmGen.Generators.Tests.Support;

/// <summary>
/// Compares generated text with <c>Snapshots/&lt;name&gt;.verified.cs</c>. On a mismatch (or when no verified file
/// exists yet) it writes <c>&lt;name&gt;.received.cs</c> beside it and fails naming both files: review the received
/// file, then rename it to .verified.cs to accept it.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual) => Match(ProjectDirectory.Snapshots, name, actual);

    public static void Match(string directory, string name, string actual)
    {
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        actual = Normalize(actual);
        if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, actual);
        var reason = File.Exists(verified)
            ? "Generated source differs from the snapshot."
            : "No verified snapshot exists yet.";
        Assert.Fail(reason + Environment.NewLine
            + "  verified: " + verified + Environment.NewLine
            + "  received: " + received + Environment.NewLine
            + "Compare them; if the received text is right, rename it to .verified.cs." + FirstDifference(verified, actual));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string FirstDifference(string verified, string actual)
    {
        if (!File.Exists(verified)) return "";
        var expectedLines = Normalize(File.ReadAllText(verified)).Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var expected = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var received = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (expected != received)
            {
                return Environment.NewLine + "First difference at line " + (i + 1) + ":" + Environment.NewLine
                    + "  verified: " + expected + Environment.NewLine + "  received: " + received;
            }
        }

        return "";
    }
}
