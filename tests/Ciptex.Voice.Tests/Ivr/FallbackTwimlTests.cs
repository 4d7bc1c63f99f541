using System.Web;
using System.Xml.Linq;
using Ciptex.Voice.Tests.Infrastructure;

namespace Ciptex.Voice.Tests.Ivr;

/// <summary>The Voice Fallback document must take a message with the service down, and must not loop.</summary>
public sealed class FallbackTwimlTests
{
    private static readonly XDocument Fallback = XDocument.Load(Path.Combine(ApprovedTwiml.RepositoryRoot(), "twiml", "fallback.xml"));

    [Fact]
    public void It_apologises_in_British_English_records_a_transcribed_message_and_says_goodbye()
    {
        var root = Fallback.Root!;
        Assert.Equal("Response", root.Name.LocalName);
        Assert.All(root.Elements("Say"), say => Assert.Equal("en-GB", say.Attribute("language")?.Value));
        Assert.Contains("sorry", root.Elements("Say").First().Value, StringComparison.OrdinalIgnoreCase);
        var record = Assert.Single(root.Elements("Record"));
        Assert.Equal("true", record.Attribute("transcribe")?.Value);
        Assert.Equal("#", record.Attribute("finishOnKey")?.Value);
        Assert.Equal("Hangup", root.Elements().Last().Name.LocalName);
    }

    [Fact]
    public void The_record_action_never_points_back_at_the_service_or_itself_and_ends_the_call()
    {
        var action = new Uri(Fallback.Root!.Element("Record")!.Attribute("action")!.Value);
        Assert.Equal("twimlets.com", action.Host);

        var echoed = XDocument.Parse(HttpUtility.ParseQueryString(action.Query)["Twiml"]!);
        Assert.Contains("Goodbye", echoed.Root!.Element("Say")!.Value);
        Assert.NotNull(echoed.Root.Element("Hangup"));
    }
}
