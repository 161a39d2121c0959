using System.Net;
using Owlmetry.Issues.Host.DataProtection;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Bootstrap;

/// <summary>
/// The Data Protection keys of a server on LiteDB live in its data directory, owner-only: a console session's
/// antiforgery token still works after the server restarts.
/// </summary>
public sealed class DataProtectionKeysTests : DataDirectoryFixture
{
    [Test]
    public async Task AntiforgeryToken_AfterARestart_IsStillAccepted()
    {
        ConsoleBrowserSession browser;
        await using (var before = new OwlmetryServerFactory(Data.Path))
        {
            before.CreateClient().Dispose();
            var credentials = await ReadCredentialsAsync();
            browser = await ConsoleBrowserSession.OpenAsync(before);
            var login = await browser.LoginAsync(credentials.UserEmail, credentials.UserPassword);
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), await login.Content.ReadAsStringAsync());
        }

        // Where the key is matters: ASP.NET Core's default folder in the home directory would survive this restart too.
        Assert.That(Directory.GetFiles(Data.File(DataDirectoryXmlRepository.FolderName), "*.xml"), Is.Not.Empty, "the key is not in the data directory");

        await using var after = new OwlmetryServerFactory(Data.Path);
        using var resumed = browser.MoveTo(after);
        var logout = await resumed.SendAsync(HttpMethod.Post, "/console/logout");

        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.OK), await logout.Content.ReadAsStringAsync());
        browser.Dispose();
    }

    [Test]
    public async Task Keys_InTheDataDirectory_AreOwnerOnly()
    {
        await using (var server = new OwlmetryServerFactory(Data.Path))
        {
            using var browser = await ConsoleBrowserSession.OpenAsync(server);
        }

        var folder = Data.File(DataDirectoryXmlRepository.FolderName);
        var keys = Directory.GetFiles(folder, "*.xml");
        Assert.That(keys, Is.Not.Empty, "no key was written to the data directory");
        AssertOwnerOnlyFolder(folder);
        foreach (var key in keys)
        {
            AssertOwnerOnly(key);
        }
    }
}
