using Owlmetry.Issues.Access;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Ingest;

/// <summary>Who may send events and attachments, decided by the library from the actor alone: no HTTP.</summary>
public sealed class IngestAccessTests
{
    private TeamWorld _world = null!;
    private IngestAccess _access = null!;

    [SetUp]
    public void SetUp()
    {
        _world = new TeamWorld();
        _access = new IngestAccess(_world.Issues.Directory);
    }

    [Test]
    public async Task AuthorizeEventsAsync_ClientKeyOfAKnownApp_ReturnsTheApp()
    {
        var client = Actor.Client(Guid.NewGuid(), "ios-sdk", _world.TeamId, _world.App.Id);

        var app = await _access.AuthorizeEventsAsync(client);

        Assert.That(app.Value, Is.EqualTo(_world.App));
    }

    [Test]
    public async Task AuthorizeEventsAsync_AgentWithoutEventsWrite_IsMissingPermission()
    {
        var app = await _access.AuthorizeEventsAsync(_world.Agent);

        Assert.That(app.Error, Is.EqualTo(IssueError.MissingPermission(IssuePermissions.EventsWrite)));
    }

    [Test]
    public async Task AuthorizeEventsAsync_NotAClientKeyBoundToAnApp_IsForbidden()
    {
        var refused = new[]
        {
            _world.Owner,
            Actor.Agent(Guid.NewGuid(), "writer-bot", _world.TeamId, [IssuePermissions.EventsWrite]),
            Actor.Client(Guid.NewGuid(), "unbound-sdk", _world.TeamId),
        };

        var results = new List<IssueError?>();
        foreach (var actor in refused)
        {
            results.Add((await _access.AuthorizeEventsAsync(actor)).Error);
        }

        Assert.That(results, Has.All.EqualTo(IssueError.Forbidden(IngestAccess.EventsClientKeyRequired)));
    }

    [Test]
    public async Task AuthorizeEventsAsync_ClientKeyOfAnAppTheDirectoryDoesNotKnow_SaysTheAppIsGone()
    {
        var stale = Actor.Client(Guid.NewGuid(), "stale-sdk", _world.TeamId, Guid.NewGuid());

        var app = await _access.AuthorizeEventsAsync(stale);

        Assert.That(app.Error, Is.EqualTo(IssueError.Invalid("App associated with this API key no longer exists")),
            "the key is a client key bound to an app; what is missing is the app");
    }

    [Test]
    public void SourceOf_AppWithoutBundleId_TakesAnyBatchAndTheAppsPlatform()
    {
        var app = new AppInfo(Guid.NewGuid(), Guid.NewGuid(), "Web", "web");

        var source = IngestAccess.SourceOf(app, "com.example.any", "DE");

        Assert.That(source.Value, Is.EqualTo(new IngestSource(app.Id, app.ProjectId, "web", "DE")));
    }

    [TestCase(null, IssueErrorKind.Invalid, "bundle_id is required for this app")]
    [TestCase("com.example.other", IssueErrorKind.Forbidden, "bundle_id does not match the app")]
    public void SourceOf_AppWithBundleId_RefusesAMissingOrOtherBundleId(string? bundleId, IssueErrorKind kind, string message)
    {
        var app = new AppInfo(Guid.NewGuid(), Guid.NewGuid(), "iOS", "apple", "com.example.shop");

        var source = IngestAccess.SourceOf(app, bundleId);

        Assert.That(source.Error, Is.EqualTo(new IssueError(kind, message)));
    }

    [Test]
    public void SourceOf_AppWithBundleId_TakesItsOwnBundleId()
    {
        var app = new AppInfo(Guid.NewGuid(), Guid.NewGuid(), "iOS", "apple", "com.example.shop");

        var source = IngestAccess.SourceOf(app, "com.example.shop");

        Assert.That(source.Value.Platform, Is.EqualTo("apple"));
    }

    [Test]
    public void AuthorizeAttachments_ClientKeyBoundToAnApp_ReturnsItsApp()
    {
        var appId = Guid.NewGuid();

        var app = IngestAccess.AuthorizeAttachments(Actor.Client(Guid.NewGuid(), "ios-sdk", _world.TeamId, appId));

        Assert.That(app.Value, Is.EqualTo(appId));
    }

    [Test]
    public void AuthorizeAttachments_PermissionFirst_ThenTheClientKey()
    {
        var readOnly = IngestAccess.AuthorizeAttachments(_world.ReadOnlyAgent);
        var user = IngestAccess.AuthorizeAttachments(_world.Owner);

        Assert.That(readOnly.Error, Is.EqualTo(IssueError.MissingPermission(IssuePermissions.EventsWrite)));
        Assert.That(user.Error, Is.EqualTo(IssueError.Forbidden(IngestAccess.AttachmentsClientKeyRequired)));
    }
}
