using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Lifecycle;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Lifecycle;

public sealed class IssueLifecycleTests
{
    // Later than the builder's stamps, so that a transition that forgets to stamp the issue fails.
    private static readonly DateTimeOffset s_now = TestTimes.Base.AddMinutes(30);

    // The reference's table of manual transitions, written out independently of the state machine.
    private static readonly Dictionary<IssueStatus, IssueStatus[]> s_referenceTable = new()
    {
        [IssueStatus.New] = [IssueStatus.InProgress, IssueStatus.Resolved, IssueStatus.Silenced, IssueStatus.Snoozed],
        [IssueStatus.InProgress] = [IssueStatus.New, IssueStatus.Resolved, IssueStatus.Silenced, IssueStatus.Snoozed],
        [IssueStatus.Resolved] = [IssueStatus.New, IssueStatus.Silenced, IssueStatus.Snoozed],
        [IssueStatus.Regressed] = [IssueStatus.InProgress, IssueStatus.Resolved, IssueStatus.Silenced, IssueStatus.Snoozed],
        [IssueStatus.Silenced] = [IssueStatus.New, IssueStatus.InProgress, IssueStatus.Resolved, IssueStatus.Snoozed],
        [IssueStatus.Snoozed] = [IssueStatus.New, IssueStatus.InProgress, IssueStatus.Resolved, IssueStatus.Silenced],
    };

    private static IEnumerable<TestCaseData> AllPairs() =>
        from source in Enum.GetValues<IssueStatus>()
        from target in Enum.GetValues<IssueStatus>()
        let allowed = s_referenceTable[source].Contains(target)
        select new TestCaseData(source, target, allowed)
            .SetName($"ChangeStatus_{source}To{target}_{(allowed ? "Allowed" : "Refused")}");

    [TestCase(nameof(Issue.Status))]
    [TestCase(nameof(Issue.ResolvedAtVersion))]
    [TestCase(nameof(Issue.SnoozedAt))]
    public void Issue_LifecycleState_HasNoSetterOutsideTheLibrary(string property)
    {
        var setter = typeof(Issue).GetProperty(property)!.SetMethod!;

        Assert.That(setter.IsAssembly, Is.True, $"Issue.{property} must be settable only inside Owlmetry.Issues, where the lifecycle sets it");
    }

    [TestCaseSource(nameof(AllPairs))]
    public void ChangeStatus_EveryPair_FollowsReferenceTable(IssueStatus from, IssueStatus to, bool allowed)
    {
        var issue = new IssueBuilder().WithStatus(from).WithResolvedAtVersion(from == IssueStatus.Resolved ? "1.0.0" : null).Build();

        var result = IssueLifecycle.ChangeStatus(issue, to, "2.0.0", s_now);

        Assert.Multiple(() =>
        {
            Assert.That(IssueLifecycle.CanTransition(from, to), Is.EqualTo(allowed), "CanTransition");
            Assert.That(result.IsSuccess, Is.EqualTo(allowed), $"ChangeStatus {from} -> {to}: {result}");
        });
        if (allowed)
        {
            Assert.That(result.Value.Status, Is.EqualTo(to));
        }
        else
        {
            Assert.That(result.Error!.Kind, Is.EqualTo(IssueErrorKind.Invalid));
            Assert.That(result.Error.Message, Is.EqualTo($"Cannot transition from '{from.ToWireName()}' to '{to.ToWireName()}'"));
        }
    }

    [TestCaseSource(nameof(Statuses))]
    public void AllowedTargets_EachStatus_MatchesReferenceTable(IssueStatus from)
    {
        var targets = IssueLifecycle.AllowedTargets(from);

        Assert.That(targets, Is.EquivalentTo(s_referenceTable[from]));
    }

    [TestCase("2.1.0", "2.1.0")]
    [TestCase("  2.1.0  ", "2.1.0")]
    public void ChangeStatus_ToResolvedWithVersion_StoresTrimmedVersion(string given, string stored)
    {
        var issue = new IssueBuilder().WithStatus(IssueStatus.New).Build();

        var result = IssueLifecycle.ChangeStatus(issue, IssueStatus.Resolved, given, s_now);

        Assert.That(result.Value.ResolvedAtVersion, Is.EqualTo(stored));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void ChangeStatus_ToResolvedWithoutVersion_IsInvalid(string? version)
    {
        var issue = new IssueBuilder().WithStatus(IssueStatus.InProgress).Build();

        var result = IssueLifecycle.ChangeStatus(issue, IssueStatus.Resolved, version, s_now);

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid("resolved_at_version is required when resolving an issue. Use status='silenced' if you don't want auto-regression.")));
    }

    [Test]
    public void ChangeStatus_ToResolvedWithVersionOf50Chars_IsAcceptedAnd51IsInvalid()
    {
        var issue = new IssueBuilder().WithStatus(IssueStatus.New).Build();

        var fifty = IssueLifecycle.ChangeStatus(issue, IssueStatus.Resolved, new string('9', 50), s_now);
        var fiftyOne = IssueLifecycle.ChangeStatus(issue, IssueStatus.Resolved, new string('9', 51), s_now);

        Assert.That(fifty.IsSuccess, Is.True, fifty.ToString());
        Assert.That(fiftyOne.Error, Is.EqualTo(IssueError.Invalid("resolved_at_version must be at most 50 characters")));
    }

    [Test]
    public void ChangeStatus_ToResolvedWithANulCharacterInTheVersion_IsInvalid()
    {
        var issue = new IssueBuilder().WithStatus(IssueStatus.New).Build();

        var result = IssueLifecycle.ChangeStatus(issue, IssueStatus.Resolved, "1.0\0", s_now);

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid("resolved_at_version must not contain the NUL character (U+0000)")));
    }

    [TestCase(IssueStatus.Resolved, IssueStatus.New)]
    [TestCase(IssueStatus.Silenced, IssueStatus.InProgress)]
    [TestCase(IssueStatus.Snoozed, IssueStatus.New)]
    public void ChangeStatus_BackToNewOrInProgress_ClearsResolvedVersion(IssueStatus from, IssueStatus to)
    {
        var issue = new IssueBuilder().WithStatus(from).WithResolvedAtVersion("1.0.0").Build();

        var result = IssueLifecycle.ChangeStatus(issue, to, null, s_now);

        Assert.That(result.Value.ResolvedAtVersion, Is.Null);
    }

    [Test]
    public void ChangeStatus_ResolvedToSilenced_KeepsResolvedVersion()
    {
        var issue = new IssueBuilder().WithStatus(IssueStatus.Resolved).WithResolvedAtVersion("1.0.0").Build();

        var result = IssueLifecycle.ChangeStatus(issue, IssueStatus.Silenced, null, s_now);

        Assert.That(result.Value.ResolvedAtVersion, Is.EqualTo("1.0.0"));
    }

    [TestCase(IssueStatus.New)]
    [TestCase(IssueStatus.InProgress)]
    [TestCase(IssueStatus.Resolved)]
    [TestCase(IssueStatus.Regressed)]
    [TestCase(IssueStatus.Silenced)]
    public void ChangeStatus_IntoSnoozed_SetsSnoozedAtToNow(IssueStatus from)
    {
        var issue = new IssueBuilder().WithStatus(from).WithResolvedAtVersion("1.0.0").Build();

        var result = IssueLifecycle.ChangeStatus(issue, IssueStatus.Snoozed, null, s_now);

        Assert.That(result.Value.SnoozedAt, Is.EqualTo(s_now));
    }

    [TestCase(IssueStatus.New)]
    [TestCase(IssueStatus.InProgress)]
    [TestCase(IssueStatus.Resolved)]
    [TestCase(IssueStatus.Silenced)]
    public void ChangeStatus_OutOfSnoozed_ClearsSnoozedAt(IssueStatus to)
    {
        var issue = new IssueBuilder().WithStatus(IssueStatus.Snoozed).WithSnoozedAt(s_now.AddDays(-1)).Build();

        var result = IssueLifecycle.ChangeStatus(issue, to, "3.0", s_now);

        Assert.That(result.Value.SnoozedAt, Is.Null);
    }

    [Test]
    public void ChangeStatus_Allowed_BumpsUpdatedAt()
    {
        var issue = new IssueBuilder().WithStatus(IssueStatus.New).Build();

        var result = IssueLifecycle.ChangeStatus(issue, IssueStatus.InProgress, null, s_now);

        Assert.That(result.Value.UpdatedAt, Is.EqualTo(s_now));
    }

    [Test]
    public void ChangeStatus_Refused_LeavesIssueUntouched()
    {
        var issue = new IssueBuilder().WithStatus(IssueStatus.Resolved).WithResolvedAtVersion("1.0").Build();

        var result = IssueLifecycle.ChangeStatus(issue, IssueStatus.InProgress, null, s_now);

        Assert.That(result.IsSuccess, Is.False);
        Assert.That(issue.Status, Is.EqualTo(IssueStatus.Resolved));
    }

    [Test]
    public void Regress_ResolvedIssue_BecomesRegressedAndClearsResolvedVersion()
    {
        var issue = new IssueBuilder().WithStatus(IssueStatus.Resolved).WithResolvedAtVersion("1.0.0").Build();

        var regressed = IssueLifecycle.Regress(issue, s_now);

        Assert.That(regressed, Is.Not.Null);
        Assert.That(regressed!.Status, Is.EqualTo(IssueStatus.Regressed));
        Assert.That(regressed.ResolvedAtVersion, Is.Null);
        Assert.That(regressed.UpdatedAt, Is.EqualTo(s_now));
    }

    [TestCase(IssueStatus.New)]
    [TestCase(IssueStatus.InProgress)]
    [TestCase(IssueStatus.Regressed)]
    [TestCase(IssueStatus.Silenced)]
    [TestCase(IssueStatus.Snoozed)]
    public void Regress_NotResolved_ReturnsNull(IssueStatus status)
    {
        var issue = new IssueBuilder().WithStatus(status).Build();

        Assert.That(IssueLifecycle.Regress(issue, s_now), Is.Null);
    }

    [Test]
    public void Wake_SnoozedIssue_BecomesNewAndClearsSnoozedAt()
    {
        var issue = new IssueBuilder().WithStatus(IssueStatus.Snoozed).WithSnoozedAt(s_now.AddHours(-3)).Build();

        var woken = IssueLifecycle.Wake(issue, s_now);

        Assert.That(woken, Is.Not.Null);
        Assert.That(woken!.Status, Is.EqualTo(IssueStatus.New));
        Assert.That(woken.SnoozedAt, Is.Null);
    }

    [TestCase(IssueStatus.New)]
    [TestCase(IssueStatus.InProgress)]
    [TestCase(IssueStatus.Resolved)]
    [TestCase(IssueStatus.Regressed)]
    [TestCase(IssueStatus.Silenced)]
    public void Wake_NotSnoozed_ReturnsNull(IssueStatus status)
    {
        var issue = new IssueBuilder().WithStatus(status).Build();

        Assert.That(IssueLifecycle.Wake(issue, s_now), Is.Null);
    }

    [Test]
    public void ChangeStatusRegressAndWake_NoIssue_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => IssueLifecycle.ChangeStatus(null!, IssueStatus.New, null, s_now));
        Assert.Throws<ArgumentNullException>(() => IssueLifecycle.Regress(null!, s_now));
        Assert.Throws<ArgumentNullException>(() => IssueLifecycle.Wake(null!, s_now));
    }

    private static IEnumerable<IssueStatus> Statuses() => Enum.GetValues<IssueStatus>();
}
