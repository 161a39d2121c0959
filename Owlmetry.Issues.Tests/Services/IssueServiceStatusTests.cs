using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Testing;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Services;

public sealed class IssueServiceStatusTests
{
    private TeamWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new TeamWorld();

    [Test]
    public async Task ChangeStatusAsync_AllowedTransition_StoresStatusAndBumpsUpdatedAt()
    {
        var issue = await _world.SeedAsync();
        _world.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await _world.Service.ChangeStatusAsync(_world.Member, _world.Project.Id, issue.Id, IssueStatus.Resolved, " 2.0.1 ");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var stored = await _world.Issues.Store.ReadAsync(r => r.FindIssueAsync(issue.Id));
        Assert.That(stored!.Status, Is.EqualTo(IssueStatus.Resolved));
        Assert.That(stored.ResolvedAtVersion, Is.EqualTo("2.0.1"));
        Assert.That(stored.UpdatedAt, Is.EqualTo(_world.Clock.GetUtcNow()));
        Assert.That(result.Value.AppName, Is.EqualTo("iOS App"));
    }

    [Test]
    public async Task ChangeStatusAsync_RefusedTransition_IsInvalidAndChangesNothing()
    {
        var issue = await _world.SeedAsync(new IssueSeed(_world.App.Id, "x") { Status = IssueStatus.Resolved, ResolvedAtVersion = "1.0" });

        var result = await _world.Service.ChangeStatusAsync(_world.Member, _world.Project.Id, issue.Id, IssueStatus.InProgress, null);

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid("Cannot transition from 'resolved' to 'in_progress'")));
        var stored = await _world.Issues.Store.ReadAsync(r => r.FindIssueAsync(issue.Id));
        Assert.That(stored, Is.EqualTo(issue with { Fingerprints = stored!.Fingerprints }));
        Assert.That(await _world.Issues.Store.ReadAsync(r => r.ListAuditRecordsAsync(issue.Id)), Is.Empty);
    }

    [Test]
    public async Task ChangeStatusAsync_ToRegressed_IsInvalid()
    {
        var issue = await _world.SeedAsync(new IssueSeed(_world.App.Id, "x") { Status = IssueStatus.Resolved, ResolvedAtVersion = "1.0" });

        var result = await _world.Service.ChangeStatusAsync(_world.Owner, _world.Project.Id, issue.Id, IssueStatus.Regressed, null);

        Assert.That(result.Error?.Kind, Is.EqualTo(IssueErrorKind.Invalid));
    }

    [Test]
    public async Task ChangeStatusAsync_Success_WritesAuditRecord()
    {
        var issue = await _world.SeedAsync();

        await _world.Service.ChangeStatusAsync(_world.Agent, _world.Project.Id, issue.Id, IssueStatus.Resolved, "3.1");

        var audit = await _world.Issues.Store.ReadAsync(r => r.ListAuditRecordsAsync(issue.Id));
        Assert.That(audit, Has.Count.EqualTo(1));
        Assert.That(audit[0], Has.Property(nameof(AuditRecord.Action)).EqualTo(AuditActions.StatusChanged)
            .And.Property(nameof(AuditRecord.ActorId)).EqualTo(_world.Agent.Id)
            .And.Property(nameof(AuditRecord.ActorKind)).EqualTo(ActorKind.Agent)
            .And.Property(nameof(AuditRecord.FromStatus)).EqualTo(IssueStatus.New)
            .And.Property(nameof(AuditRecord.ToStatus)).EqualTo(IssueStatus.Resolved)
            .And.Property(nameof(AuditRecord.ToResolvedAtVersion)).EqualTo("3.1"));
    }

    [Test]
    public async Task ChangeStatusAsync_IssueOfAnotherProject_IsNotFound()
    {
        var foreign = await _world.Issues.SeedIssueAsync(new IssueSeed(_world.OtherApp.Id, "theirs"));

        var result = await _world.Service.ChangeStatusAsync(_world.Owner, _world.Project.Id, foreign.Id, IssueStatus.Silenced, null);

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Issue not found")));
    }

    [Test]
    public async Task ChangeStatusAsync_UnknownIssue_IsNotFound()
    {
        var result = await _world.Service.ChangeStatusAsync(_world.Owner, _world.Project.Id, Guid.NewGuid(), IssueStatus.Silenced, null);

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Issue not found")));
    }

    [Test]
    public async Task ChangeStatusAsync_ProjectOfAnotherTeam_IsProjectNotFound()
    {
        var issue = await _world.SeedAsync();

        var result = await _world.Service.ChangeStatusAsync(_world.Outsider, _world.Project.Id, issue.Id, IssueStatus.Silenced, null);

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Project not found")));
    }

    [Test]
    public async Task ChangeStatusAsync_AgentWithoutWritePermission_IsForbidden()
    {
        var issue = await _world.SeedAsync();

        var result = await _world.Service.ChangeStatusAsync(_world.ReadOnlyAgent, _world.Project.Id, issue.Id, IssueStatus.Silenced, null);

        Assert.That(result.Error, Is.EqualTo(IssueError.Forbidden("Missing permission: issues:write")));
    }

    [Test]
    public async Task ChangeStatusAsync_ClientKey_IsForbidden()
    {
        var issue = await _world.SeedAsync();

        var result = await _world.Service.ChangeStatusAsync(_world.Client, _world.Project.Id, issue.Id, IssueStatus.Silenced, null);

        Assert.That(result.Error?.Kind, Is.EqualTo(IssueErrorKind.Forbidden));
    }

    [Test]
    public async Task ChangeStatusAsync_DeletedProject_IsProjectNotFound()
    {
        var issue = await _world.SeedAsync();
        _world.Issues.Directory.RemoveProject(_world.Project.Id);

        var result = await _world.Service.ChangeStatusAsync(_world.Owner, _world.Project.Id, issue.Id, IssueStatus.Silenced, null);

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Project not found")));
    }
}
