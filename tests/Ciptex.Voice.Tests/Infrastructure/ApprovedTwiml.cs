using System.Xml.Linq;

namespace Ciptex.Voice.Tests.Infrastructure;

/// <summary>
/// Compares a response with its approved file in <c>twiml/</c>. Set <c>APPROVE_TWIML=1</c> to write the files
/// after a deliberate change to the script, then review them in the diff like any other change.
/// </summary>
public static class ApprovedTwiml
{
    public static void AssertMatches(string name, XDocument actual)
    {
        var path = Path.Combine(RepositoryRoot(), "twiml", name + ".xml");
        var text = actual.Declaration + "\n" + actual.Root + "\n";
        if (Environment.GetEnvironmentVariable("APPROVE_TWIML") == "1")
        {
            File.WriteAllText(path, text);
            return;
        }
        Assert.True(File.Exists(path), $"No approved TwiML at {path}; run with APPROVE_TWIML=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"));
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ciptex.Voice.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Ciptex.Voice.sln not found above the test output.");
    }
}
