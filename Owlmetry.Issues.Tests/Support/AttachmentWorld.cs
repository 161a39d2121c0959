using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Testing;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// One team with a project and an app on an <see cref="InMemoryIssues"/> with a fake clock, a second team, and the
/// actors that attachments authorize: the SDK's client key, users of every role, and agent keys.
/// </summary>
internal sealed class AttachmentWorld
{
    public AttachmentWorld(AttachmentOptions? options = null)
    {
        Issues = new InMemoryIssues(Clock, attachmentOptions: options);
        Project = Issues.AddProject(TeamId, "Shop");
        App = Issues.AddApp(Project.Id, "iOS App");
        OtherProject = Issues.AddProject(OtherTeamId, "Elsewhere");
        OtherApp = Issues.AddApp(OtherProject.Id, "Android App");
        Client = Actor.Client(Guid.NewGuid(), "ios-sdk", TeamId);
        OtherClient = Actor.Client(Guid.NewGuid(), "android-sdk", OtherTeamId);
        Owner = User("Olivia Owner", TeamRole.Owner);
        Admin = User("Adam Admin", TeamRole.Admin);
        Member = User("Mia Member", TeamRole.Member);
        Outsider = Actor.User(Guid.NewGuid(), "Oscar Outsider", new Dictionary<Guid, TeamRole> { [OtherTeamId] = TeamRole.Owner });
        Agent = Actor.Agent(Guid.NewGuid(), "cleanup-bot", TeamId, [IssuePermissions.EventsRead, IssuePermissions.EventsWrite]);
        ReadingAgent = Actor.Agent(Guid.NewGuid(), "reader-bot", TeamId, [IssuePermissions.EventsRead]);
        IssuesAgent = Actor.Agent(Guid.NewGuid(), "triage-bot", TeamId, [IssuePermissions.Read, IssuePermissions.Write]);
    }

    public FakeTimeProvider Clock { get; } = new(TestTimes.ClockStart);

    public InMemoryIssues Issues { get; }

    public IAttachmentService Attachments => Issues.Attachments;

    public Guid TeamId { get; } = Guid.NewGuid();

    public Guid OtherTeamId { get; } = Guid.NewGuid();

    public ProjectInfo Project { get; }

    public AppInfo App { get; }

    public ProjectInfo OtherProject { get; }

    public AppInfo OtherApp { get; }

    public Actor Client { get; }

    public Actor OtherClient { get; }

    public Actor Owner { get; }

    public Actor Admin { get; }

    public Actor Member { get; }

    public Actor Outsider { get; }

    public Actor Agent { get; }

    public Actor ReadingAgent { get; }

    public Actor IssuesAgent { get; }

    public static byte[] Content(string text) => Encoding.UTF8.GetBytes(text);

    public static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static AttachmentReservationRequest RequestFor(
        byte[] content, Guid? clientEventId = null, string filename = "crash.log", string contentType = "text/plain", string? userId = null) => new()
    {
        ClientEventId = (clientEventId ?? Guid.NewGuid()).ToString(),
        OriginalFilename = filename,
        ContentType = contentType,
        SizeBytes = content.Length,
        Sha256 = Sha256Of(content),
        UserId = userId,
    };

    public async Task<IssueAttachment> ReserveAsync(byte[] content, Guid? clientEventId = null, string? userId = null, string filename = "crash.log") =>
        (await Attachments.ReserveAsync(Client, App.Id, RequestFor(content, clientEventId, filename, userId: userId))).Value.Attachment;

    public async Task<IssueResult<IssueAttachment>> UploadAsync(Guid attachmentId, byte[] content) =>
        await Attachments.UploadAsync(Client, App.Id, attachmentId, new MemoryStream(content));

    /// <summary>Reserves and uploads a file, as an SDK does.</summary>
    public async Task<IssueAttachment> AddAsync(string text, Guid? clientEventId = null, string? userId = null, string filename = "crash.log")
    {
        var content = Content(text);
        var reserved = await ReserveAsync(content, clientEventId, userId, filename);
        return (await UploadAsync(reserved.Id, content)).Value;
    }

    public Task<IssueAttachment?> FindAsync(Guid attachmentId) => Issues.Store.ReadAsync(r => r.FindAttachmentAsync(attachmentId));

    private Actor User(string name, TeamRole role) =>
        Actor.User(Guid.NewGuid(), name, new Dictionary<Guid, TeamRole> { [TeamId] = role });
}
