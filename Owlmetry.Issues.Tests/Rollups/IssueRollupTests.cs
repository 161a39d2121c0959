using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Rollups;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Rollups;

/// <summary>The roll-ups an issue derives from its occurrences: recomputed from all of them, or added one at a time.</summary>
public sealed class IssueRollupTests
{
    private static readonly Issue s_issue = new IssueBuilder()
        .WithOccurrenceCount(9)
        .WithUniqueUserCount(4)
        .WithFirstSeenAt(TestTimes.At(-1_000))
        .WithLastSeenAt(TestTimes.At(1_000))
        .Build() with
    {
        FirstSeenAppVersion = "0.9.0", LastSeenAppVersion = "1.9.0", FirstSeenSdkVersion = "0.1.0", LastSeenSdkVersion = "0.9.0",
    };

    [Test]
    public void Recompute_NoOccurrences_ZeroesCountsAndVersionsAndKeepsSeenTimes()
    {
        var rolled = IssueRollup.Recompute(s_issue, []);

        Assert.Multiple(() =>
        {
            Assert.That(rolled.OccurrenceCount, Is.Zero, "occurrences");
            Assert.That(rolled.UniqueUserCount, Is.Zero, "users");
            Assert.That(Versions(rolled), Is.EqualTo(new string?[] { null, null, null, null }), "first/last app, first/last SDK");
            Assert.That(rolled.FirstSeenAt, Is.EqualTo(s_issue.FirstSeenAt), "first seen is kept");
            Assert.That(rolled.LastSeenAt, Is.EqualTo(s_issue.LastSeenAt), "last seen is kept");
        });
    }

    [Test]
    public void Recompute_CountsOccurrencesAndDistinctNonNullUsersByOrdinalComparison()
    {
        var rolled = IssueRollup.Recompute(s_issue,
        [
            Occurrence(0, user: "alice"), Occurrence(1, user: "alice"), Occurrence(2, user: "Alice"),
            Occurrence(3, user: null), Occurrence(4, user: null),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(rolled.OccurrenceCount, Is.EqualTo(5), "every occurrence counts");
            Assert.That(rolled.UniqueUserCount, Is.EqualTo(2), "'alice' once, 'Alice' apart, no user not at all");
        });
    }

    [Test]
    public void Recompute_SeenTimesAreTheEarliestAndLatestOccurrence_InAnyInputOrder()
    {
        var rolled = IssueRollup.Recompute(s_issue, [Occurrence(50), Occurrence(-20), Occurrence(70), Occurrence(10)]);

        Assert.Multiple(() =>
        {
            Assert.That(rolled.FirstSeenAt, Is.EqualTo(TestTimes.At(-20)), "first seen");
            Assert.That(rolled.LastSeenAt, Is.EqualTo(TestTimes.At(70)), "last seen");
        });
    }

    [Test]
    public void Recompute_VersionsComeFromTheOutermostOccurrencesThatCarryOne_AppAndSdkApart()
    {
        var rolled = IssueRollup.Recompute(s_issue,
        [
            Occurrence(40, app: "2.0.0", sdk: " "),
            Occurrence(0, app: null, sdk: "1.0.0"),
            Occurrence(10, app: "1.0.0", sdk: "1.1.0"),
            Occurrence(30, app: "1.5.0", sdk: "1.2.0"),
            Occurrence(50, app: "", sdk: null),
        ]);

        Assert.That(Versions(rolled), Is.EqualTo(new[] { "1.0.0", "2.0.0", "1.0.0", "1.2.0" }),
            "first/last app, first/last SDK: blank versions are skipped, each kind on its own");
    }

    [Test]
    public void Recompute_NoOccurrenceCarriesAVersion_VersionsAreNull()
    {
        var rolled = IssueRollup.Recompute(s_issue, [Occurrence(0, app: " ", sdk: ""), Occurrence(1)]);

        Assert.That(Versions(rolled), Is.EqualTo(new string?[] { null, null, null, null }));
    }

    [Test]
    public void Recompute_OccurrencesAtTheSameTime_AreOrderedByTheirId()
    {
        var low = Guid.Parse("00000000-0000-7000-8000-000000000001");
        var high = Guid.Parse("ffffffff-0000-7000-8000-000000000001");
        var rolled = IssueRollup.Recompute(s_issue,
        [
            Occurrence(0, app: "from-high", id: high),
            Occurrence(0, app: "from-low", id: low),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(rolled.FirstSeenAppVersion, Is.EqualTo("from-low"), "the lower id is the earlier of two at one time");
            Assert.That(rolled.LastSeenAppVersion, Is.EqualTo("from-high"), "the higher id is the later");
        });
    }

    [Test]
    public void Recompute_KeepsWhatOccurrencesDoNotDerive()
    {
        var issue = new IssueBuilder().WithAllFieldsSet().Build();

        var rolled = IssueRollup.Recompute(issue, [Occurrence(0)]);

        Assert.That(rolled with
        {
            OccurrenceCount = issue.OccurrenceCount, UniqueUserCount = issue.UniqueUserCount,
            FirstSeenAt = issue.FirstSeenAt, LastSeenAt = issue.LastSeenAt,
            FirstSeenAppVersion = issue.FirstSeenAppVersion, LastSeenAppVersion = issue.LastSeenAppVersion,
            FirstSeenSdkVersion = issue.FirstSeenSdkVersion, LastSeenSdkVersion = issue.LastSeenSdkVersion,
        }, Is.EqualTo(issue));
    }

    [Test]
    public void Add_FirstOccurrence_SetsEverythingFromIt()
    {
        var empty = IssueRollup.Recompute(s_issue, []);

        var rolled = IssueRollup.Add(empty, Occurrence(300, app: "3.0.0", sdk: "1.3.0"), isNewUser: true);

        Assert.Multiple(() =>
        {
            Assert.That(rolled.OccurrenceCount, Is.EqualTo(1), "occurrences");
            Assert.That(rolled.UniqueUserCount, Is.EqualTo(1), "users");
            Assert.That(rolled.FirstSeenAt, Is.EqualTo(TestTimes.At(300)), "first seen");
            Assert.That(rolled.LastSeenAt, Is.EqualTo(TestTimes.At(300)), "last seen");
            Assert.That(Versions(rolled), Is.EqualTo(new[] { "3.0.0", "3.0.0", "1.3.0", "1.3.0" }), "first/last app, first/last SDK");
        });
    }

    [Test]
    public void Add_FirstOccurrenceWithoutAUser_CountsNoUser()
    {
        var empty = IssueRollup.Recompute(s_issue, []);

        var rolled = IssueRollup.Add(empty, Occurrence(0), isNewUser: false);

        Assert.That(rolled.UniqueUserCount, Is.Zero);
    }

    [Test]
    public void Add_FirstOccurrenceWithBlankVersions_AgreesWithRecompute()
    {
        var empty = IssueRollup.Recompute(s_issue, []);
        var occurrence = Occurrence(0, app: " ", sdk: "");

        var added = IssueRollup.Add(empty, occurrence, isNewUser: false);

        Assert.That(Versions(added), Is.EqualTo(Versions(IssueRollup.Recompute(s_issue, [occurrence]))),
            "a blank version is no version, whether the roll-ups are added to or recomputed");
    }

    [TestCase(true, 5)]
    [TestCase(false, 4)]
    public void Add_CountsTheOccurrenceAndTheUserOnlyWhenNew(bool isNewUser, int expectedUsers)
    {
        var rolled = IssueRollup.Add(s_issue, Occurrence(0), isNewUser);

        Assert.Multiple(() =>
        {
            Assert.That(rolled.OccurrenceCount, Is.EqualTo(10), "occurrences");
            Assert.That(rolled.UniqueUserCount, Is.EqualTo(expectedUsers), "users");
        });
    }

    [Test]
    public void Add_BetweenTheEdges_ChangesNoTimeAndNoVersion()
    {
        var rolled = IssueRollup.Add(s_issue, Occurrence(0, app: "5.0.0", sdk: "5.0.0"), isNewUser: false);

        Assert.Multiple(() =>
        {
            Assert.That(rolled.FirstSeenAt, Is.EqualTo(s_issue.FirstSeenAt), "first seen");
            Assert.That(rolled.LastSeenAt, Is.EqualTo(s_issue.LastSeenAt), "last seen");
            Assert.That(Versions(rolled), Is.EqualTo(Versions(s_issue)), "versions");
        });
    }

    [Test]
    public void Add_EarlierThanFirstSeen_BecomesTheFirstWithItsVersions()
    {
        var rolled = IssueRollup.Add(s_issue, Occurrence(-2_000, app: "0.5.0", sdk: "0.0.5"), isNewUser: false);

        Assert.Multiple(() =>
        {
            Assert.That(rolled.FirstSeenAt, Is.EqualTo(TestTimes.At(-2_000)), "first seen");
            Assert.That(rolled.LastSeenAt, Is.EqualTo(s_issue.LastSeenAt), "last seen");
            Assert.That(Versions(rolled), Is.EqualTo(new[] { "0.5.0", "1.9.0", "0.0.5", "0.9.0" }), "first/last app, first/last SDK");
        });
    }

    [Test]
    public void Add_LaterThanLastSeen_BecomesTheLastWithItsVersions()
    {
        var rolled = IssueRollup.Add(s_issue, Occurrence(2_000, app: "2.0.0", sdk: "1.0.0"), isNewUser: false);

        Assert.Multiple(() =>
        {
            Assert.That(rolled.FirstSeenAt, Is.EqualTo(s_issue.FirstSeenAt), "first seen");
            Assert.That(rolled.LastSeenAt, Is.EqualTo(TestTimes.At(2_000)), "last seen");
            Assert.That(Versions(rolled), Is.EqualTo(new[] { "0.9.0", "2.0.0", "0.1.0", "1.0.0" }), "first/last app, first/last SDK");
        });
    }

    [Test]
    public void Add_AtTheLastSeenTime_IsTheLatestButNotAtTheFirstSeenTime_TheEarliest()
    {
        var atLast = IssueRollup.Add(s_issue, Occurrence(1_000, app: "at-last"), isNewUser: false);
        var atFirst = IssueRollup.Add(s_issue, Occurrence(-1_000, app: "at-first"), isNewUser: false);

        Assert.Multiple(() =>
        {
            Assert.That(atLast.LastSeenAppVersion, Is.EqualTo("at-last"), "an occurrence at the last seen time arrived later");
            Assert.That(atFirst.FirstSeenAppVersion, Is.EqualTo("0.9.0"), "an occurrence at the first seen time does not displace the first");
        });
    }

    [Test]
    public void Add_OutermostWithoutVersions_KeepsTheKnownVersions()
    {
        var earliest = IssueRollup.Add(s_issue, Occurrence(-2_000, app: " ", sdk: null), isNewUser: false);
        var latest = IssueRollup.Add(s_issue, Occurrence(2_000, app: null, sdk: ""), isNewUser: false);

        Assert.Multiple(() =>
        {
            Assert.That(Versions(earliest), Is.EqualTo(Versions(s_issue)), "earliest without versions");
            Assert.That(earliest.FirstSeenAt, Is.EqualTo(TestTimes.At(-2_000)), "its time still counts");
            Assert.That(Versions(latest), Is.EqualTo(Versions(s_issue)), "latest without versions");
            Assert.That(latest.LastSeenAt, Is.EqualTo(TestTimes.At(2_000)), "its time still counts");
        });
    }

    [Test]
    public void Add_BetweenTheEdges_FillsAVersionTheIssueLacks()
    {
        var withoutVersions = s_issue with { FirstSeenAppVersion = null, LastSeenAppVersion = " ", FirstSeenSdkVersion = null, LastSeenSdkVersion = null };

        var rolled = IssueRollup.Add(withoutVersions, Occurrence(0, app: "1.2.0"), isNewUser: false);

        Assert.That(Versions(rolled), Is.EqualTo(new[] { "1.2.0", "1.2.0", null, null }),
            "the only occurrence known to carry an app version is both its first and its last");
    }

    private static IssueOccurrence Occurrence(int atMilliseconds, string? app = null, string? sdk = null, string? user = null, Guid? id = null)
    {
        var builder = new OccurrenceBuilder(s_issue.Id).At(TestTimes.At(atMilliseconds)).WithVersions(app, sdk).ForUser(user);
        return (id is { } given ? builder.WithId(given) : builder).Build();
    }

    [Test]
    public void RecomputeApplyAndAdd_NoIssueOrOccurrence_Throw()
    {
        var occurrence = new OccurrenceBuilder(s_issue.Id).Build();

        Assert.Throws<ArgumentNullException>(() => IssueRollup.Apply(null!, OccurrenceSummary.Of([occurrence])));
        Assert.Throws<ArgumentNullException>(() => IssueRollup.Apply(s_issue, null!));
        Assert.Throws<ArgumentNullException>(() => IssueRollup.Add(null!, occurrence, isNewUser: true));
        Assert.Throws<ArgumentNullException>(() => IssueRollup.Add(s_issue, null!, isNewUser: true));
    }

    private static string?[] Versions(Issue issue) =>
        [issue.FirstSeenAppVersion, issue.LastSeenAppVersion, issue.FirstSeenSdkVersion, issue.LastSeenSdkVersion];
}
