using System.Net;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Cli;

/// <summary>
/// The command line against an address that is not an Owlmetry server (a proxy's page, another service): one line
/// saying what came back, exit code 1 as for a server that refuses, and no profile saved for it.
/// </summary>
public sealed class CliStrangeServerTests : CliApiFixture
{
    private const string Address = "https://issues.example/";

    [TestCase("text/html", "<html>Sign in</html>", "error: GET https://issues.example/v1/auth/whoami answered 200 with a body that is not the API's JSON", TestName = "{m}_HtmlPage")]
    [TestCase("application/json", "{}", "error: GET v1/auth/whoami answered no caller (a user or an API key with its id)", TestName = "{m}_JsonWithoutACaller")]
    public async Task Login_AnswerThatIsNotTheApis_ExitsOneWithOneLineAndSavesNoProfile(string contentType, string body, string expected)
    {
        var server = new ScriptedServer(_ => ScriptedServer.Answer(HttpStatusCode.OK, body, contentType));

        var run = await RunAgainstAsync(server, "login", "--server", Address, "--token", "owl_agent_any");

        Assert.That(run.Exit, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.StartWith(expected), "one line naming the route and what came back");
        Assert.That(run.Error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), $"no stack trace: {run.Error}");
        Assert.That(File.Exists(Path.Combine(ConfigDirectory, "profiles.json")), Is.False, "no profile for an address that is not a server");
    }
}
