using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Bootstrap;

public sealed class FirstStartBootstrapTests : DataDirectoryFixture
{
    [Test]
    public async Task Start_EmptyDataDirectory_WritesOwnerOnlyCredentialsFile()
    {
        using var factory = new OwlmetryServerFactory(Data.Path);

        var credentials = await StartAsync(factory);

        Assert.That(credentials.UserEmail, Is.EqualTo("admin@localhost"));
        AssertOwnerOnly(CredentialsFile);
    }

    [Test]
    public async Task Start_EmptyDataDirectory_CredentialsLogInAsTeamOwner()
    {
        using var factory = new OwlmetryServerFactory(Data.Path);
        var credentials = await StartAsync(factory);
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/v1/auth/login", new { email = credentials.UserEmail, password = credentials.UserPassword });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var team = (await response.JsonAsync())["teams"]!.AsArray().Single()!;
        Assert.That(team.Text("id"), Is.EqualTo(credentials.TeamId.ToString()));
        Assert.That(team.Text("role"), Is.EqualTo("owner"));
    }

    [Test]
    public async Task Start_EmptyDataDirectory_AgentKeyListsIssuesAndProjects()
    {
        using var factory = new OwlmetryServerFactory(Data.Path);
        var credentials = await StartAsync(factory);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AgentKey);

        var issues = await client.GetAsync($"/v1/projects/{credentials.ProjectId}/issues");
        var teamIssues = await client.GetAsync("/v1/issues");
        var project = await client.GetAsync($"/v1/projects/{credentials.ProjectId}");

        Assert.That(issues.StatusCode, Is.EqualTo(HttpStatusCode.OK), await issues.Content.ReadAsStringAsync());
        Assert.That(teamIssues.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await project.JsonAsync())["apps"]![0]!.Text("id"), Is.EqualTo(credentials.AppId.ToString()));
    }

    [Test]
    public async Task Start_EmptyDataDirectory_ClientKeyAuthenticatesForEventsOnly()
    {
        using var factory = new OwlmetryServerFactory(Data.Path);
        var credentials = await StartAsync(factory);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.ClientKey);

        var response = await client.GetAsync($"/v1/projects/{credentials.ProjectId}/issues");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Start_StoreAlreadyHoldsData_DoesNotBootstrap()
    {
        var store = new InMemoryDirectoryStore();
        await store.AddUserAsync(new User(Guid.NewGuid(), "existing@example.com", "Existing", string.Empty, DateTimeOffset.UnixEpoch));
        using var factory = new OwlmetryServerFactory(Data.Path).WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<IDirectoryStore>(store))));

        factory.CreateClient().Dispose();

        Assert.That(File.Exists(CredentialsFile), Is.False);
        Assert.That(await store.FindUserByEmailAsync("admin@localhost"), Is.Null);
    }

    [Test]
    public void Start_BootstrapDisabled_WritesNoCredentials()
    {
        using var factory = new OwlmetryServerFactory(Data.Path).WithWebHostBuilder(b => b.UseSetting("Bootstrap:Enabled", "false"));

        factory.CreateClient().Dispose();

        Assert.That(File.Exists(CredentialsFile), Is.False);
    }

    [Test]
    public async Task Start_WithoutConfiguredSecret_KeepsAnOwnerOnlySecretThatOutlivesARestart()
    {
        string token;
        Guid userId;
        using (var first = new OwlmetryServerFactory(Data.Path))
        {
            await StartAsync(first);
            var owner = (await first.Directory.FindUserByEmailAsync(DirectoryBootstrapper.AdminEmail))!;
            (token, userId) = (first.Services.GetRequiredService<UserTokenService>().Issue(owner), owner.Id);
        }

        var secretFile = Data.File("jwt-secret");
        var secret = await File.ReadAllTextAsync(secretFile);
        using var second = new OwlmetryServerFactory(Data.Path);
        second.CreateClient().Dispose();

        Assert.That(await File.ReadAllTextAsync(secretFile), Is.EqualTo(secret));
        Assert.That((await second.Services.GetRequiredService<UserTokenService>().ValidateAsync(token)).UserId, Is.EqualTo(userId));
        AssertOwnerOnly(secretFile);
    }

    private async Task<InitialCredentials> StartAsync(OwlmetryServerFactory factory)
    {
        factory.CreateClient().Dispose();
        return await ReadCredentialsAsync();
    }
}
