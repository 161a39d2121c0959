using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Claims;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Claims;

public sealed class ClaimRulesTests
{
    private static readonly Guid s_teamId = Guid.NewGuid();
    private static readonly Actor s_agent = Actor.Agent(Guid.NewGuid(), "triage-bot", s_teamId, [IssuePermissions.Write]);
    private static readonly Actor s_otherAgent = Actor.Agent(Guid.NewGuid(), "other-bot", s_teamId, [IssuePermissions.Write]);
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp() => _clock = new FakeTimeProvider(TestTimes.Base);

    [Test]
    public void Duration_NotGiven_IsFifteenMinutes() =>
        Assert.That(ClaimRules.Duration(null).Value, Is.EqualTo(TimeSpan.FromMinutes(15)));

    [TestCase(30)]
    [TestCase(86_400)]
    public void Duration_AtTheBounds_IsAccepted(int seconds) =>
        Assert.That(ClaimRules.Duration(TimeSpan.FromSeconds(seconds)).Value, Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [TestCase(29)]
    [TestCase(0)]
    [TestCase(-60)]
    [TestCase(86_401)]
    public void Duration_OutsideTheBounds_IsInvalidAndNamesThem(int seconds) =>
        Assert.That(ClaimRules.Duration(TimeSpan.FromSeconds(seconds)).Error, Is.EqualTo(IssueError.Invalid("duration_seconds must be between 30 and 86400")));

    [Test]
    public void Claim_SetsHolderAndExpiry()
    {
        var now = _clock.GetUtcNow();

        var claimed = ClaimRules.Claim(Unclaimed(), s_agent, now, TimeSpan.FromMinutes(5));

        Assert.That(claimed.Claim, Is.EqualTo(new IssueClaim(ActorKind.Agent, s_agent.Id, "triage-bot", now, now.AddMinutes(5))));
    }

    [Test]
    public void Active_UntilExpiry_IsTheClaimThenNoneAtExpiry()
    {
        var claimed = ClaimRules.Claim(Unclaimed(), s_agent, _clock.GetUtcNow(), TimeSpan.FromMinutes(5));

        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        var justBefore = ClaimRules.Active(claimed, _clock.GetUtcNow()) is null;
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var atExpiry = ClaimRules.Active(claimed, _clock.GetUtcNow()) is null;

        Assert.That((justBefore, atExpiry), Is.EqualTo((false, true)), "a claim holds until expires_at and lapses at it");
        Assert.That(ClaimRules.Visible(claimed, _clock.GetUtcNow()).Claim, Is.Null, "a lapsed claim is shown as none");
    }

    [Test]
    public void Renew_ByHolder_ExtendsFromNowAndKeepsClaimedAt()
    {
        var start = _clock.GetUtcNow();
        var claimed = ClaimRules.Claim(Unclaimed(), s_agent, start, TimeSpan.FromMinutes(5));
        _clock.Advance(TimeSpan.FromMinutes(4));

        var renewed = ClaimRules.Renew(claimed, s_agent, _clock.GetUtcNow(), TimeSpan.FromMinutes(10));

        Assert.That(renewed.Value.Claim, Is.EqualTo(claimed.Claim! with { ExpiresAt = start.AddMinutes(14) }));
    }

    [Test]
    public void Renew_ByAnotherActor_IsConflictNamingHolderAndExpiry()
    {
        var claimed = ClaimRules.Claim(Unclaimed(), s_agent, _clock.GetUtcNow(), TimeSpan.FromMinutes(5));

        var renewed = ClaimRules.Renew(claimed, s_otherAgent, _clock.GetUtcNow(), TimeSpan.FromMinutes(10));

        Assert.That(renewed.Error, Is.EqualTo(IssueError.Conflict($"Issue is claimed by agent 'triage-bot' ({s_agent.Id}) until 2024-01-15T14:35:00.123Z")));
    }

    [Test]
    public void Renew_SameIdButAnotherKind_IsConflict()
    {
        var claimed = ClaimRules.Claim(Unclaimed(), s_agent, _clock.GetUtcNow(), TimeSpan.FromMinutes(5));
        var userWithSameId = Actor.User(s_agent.Id, "Mia", new Dictionary<Guid, TeamRole> { [s_teamId] = TeamRole.Owner });

        Assert.That(ClaimRules.Renew(claimed, userWithSameId, _clock.GetUtcNow(), TimeSpan.FromMinutes(1)).Error?.Kind, Is.EqualTo(IssueErrorKind.Conflict));
    }

    [Test]
    public void Renew_AfterLapse_IsConflictEvenForTheFormerHolder()
    {
        var claimed = ClaimRules.Claim(Unclaimed(), s_agent, _clock.GetUtcNow(), TimeSpan.FromMinutes(5));
        _clock.Advance(TimeSpan.FromMinutes(5));

        var renewed = ClaimRules.Renew(claimed, s_agent, _clock.GetUtcNow(), TimeSpan.FromMinutes(5));

        Assert.That(renewed.Error, Is.EqualTo(IssueError.Conflict("Issue is not claimed (the claim lapsed or was released); claim it again")));
    }

    [Test]
    public void ClaimOrExtend_NobodyHoldsIt_ClaimsFromNow_TheHolder_ExtendsKeepingClaimedAt_AnotherActor_IsConflict()
    {
        var start = _clock.GetUtcNow();
        var claimed = ClaimRules.ClaimOrExtend(Unclaimed(), s_agent, start, TimeSpan.FromMinutes(5));
        _clock.Advance(TimeSpan.FromMinutes(4));

        var extended = ClaimRules.ClaimOrExtend(claimed.Value, s_agent, _clock.GetUtcNow(), TimeSpan.FromMinutes(10));
        var byOther = ClaimRules.ClaimOrExtend(claimed.Value, s_otherAgent, _clock.GetUtcNow(), TimeSpan.FromMinutes(10));

        Assert.That(claimed.Value.Claim, Is.EqualTo(new IssueClaim(ActorKind.Agent, s_agent.Id, "triage-bot", start, start.AddMinutes(5))));
        Assert.That(extended.Value.Claim, Is.EqualTo(claimed.Value.Claim! with { ExpiresAt = start.AddMinutes(14) }));
        Assert.That(byOther.Error, Is.EqualTo(IssueError.Conflict($"Issue is claimed by agent 'triage-bot' ({s_agent.Id}) until 2024-01-15T14:35:00.123Z")));
    }

    [Test]
    public void ClaimOrExtend_AtExpiry_IsANewClaimFromNow_ForAnotherActorOrTheFormerHolder()
    {
        var claimed = ClaimRules.Claim(Unclaimed(), s_agent, _clock.GetUtcNow(), TimeSpan.FromMinutes(5));
        _clock.Advance(TimeSpan.FromMinutes(5));
        var now = _clock.GetUtcNow();

        var byOther = ClaimRules.ClaimOrExtend(claimed, s_otherAgent, now, TimeSpan.FromMinutes(1));
        var byFormerHolder = ClaimRules.ClaimOrExtend(claimed, s_agent, now, TimeSpan.FromMinutes(1));

        Assert.That(byOther.Value.Claim, Is.EqualTo(new IssueClaim(ActorKind.Agent, s_otherAgent.Id, "other-bot", now, now.AddMinutes(1))));
        Assert.That(byFormerHolder.Value.Claim, Is.EqualTo(new IssueClaim(ActorKind.Agent, s_agent.Id, "triage-bot", now, now.AddMinutes(1))), "a lapsed claim was extended, not taken anew");
    }

    [Test]
    public void Release_ByHolder_ClearsClaim()
    {
        var claimed = ClaimRules.Claim(Unclaimed(), s_agent, _clock.GetUtcNow(), TimeSpan.FromMinutes(5));

        Assert.That(ClaimRules.Release(claimed, s_agent, s_teamId, _clock.GetUtcNow()).Value.Claim, Is.Null);
    }

    [Test]
    public void Release_ByAnotherActor_IsConflictAndLapsedClaimReleasesForAnyone()
    {
        var claimed = ClaimRules.Claim(Unclaimed(), s_agent, _clock.GetUtcNow(), TimeSpan.FromMinutes(5));

        var refused = ClaimRules.Release(claimed, s_otherAgent, s_teamId, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(5));
        var afterLapse = ClaimRules.Release(claimed, s_otherAgent, s_teamId, _clock.GetUtcNow());

        Assert.That(refused.Error?.Kind, Is.EqualTo(IssueErrorKind.Conflict));
        Assert.That(afterLapse.Value.Claim, Is.Null);
    }

    [TestCase(TeamRole.Owner)]
    [TestCase(TeamRole.Admin)]
    public void Release_ByAnOwnerOrAdminOfTheTeam_ClearsAnotherHoldersClaim(TeamRole role)
    {
        var claimed = ClaimRules.Claim(Unclaimed(), s_agent, _clock.GetUtcNow(), TimeSpan.FromMinutes(5));
        var user = Actor.User(Guid.NewGuid(), "Olivia", new Dictionary<Guid, TeamRole> { [s_teamId] = role });

        var released = ClaimRules.Release(claimed, user, s_teamId, _clock.GetUtcNow());

        Assert.That(released.Error, Is.Null, $"a team {role} could not release another holder's claim");
        Assert.That(released.Value.Claim, Is.Null);
    }

    [Test]
    public void Release_ByAMemberOrAnAdminOfAnotherTeam_IsConflict()
    {
        var claimed = ClaimRules.Claim(Unclaimed(), s_agent, _clock.GetUtcNow(), TimeSpan.FromMinutes(5));
        var member = Actor.User(Guid.NewGuid(), "Mia", new Dictionary<Guid, TeamRole> { [s_teamId] = TeamRole.Member });
        var adminElsewhere = Actor.User(Guid.NewGuid(), "Adam", new Dictionary<Guid, TeamRole> { [s_teamId] = TeamRole.Member, [Guid.NewGuid()] = TeamRole.Admin });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ClaimRules.Release(claimed, member, s_teamId, _clock.GetUtcNow()).Error?.Kind, Is.EqualTo(IssueErrorKind.Conflict), "a member released another holder's claim");
            Assert.That(ClaimRules.Release(claimed, adminElsewhere, s_teamId, _clock.GetUtcNow()).Error?.Kind, Is.EqualTo(IssueErrorKind.Conflict), "an admin of another team released the claim");
        }
    }

    private static Issue Unclaimed() => new IssueBuilder().Build();
}
