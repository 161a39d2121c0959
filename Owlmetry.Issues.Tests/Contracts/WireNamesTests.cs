using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.Tests.Contracts;

public sealed class WireNamesTests
{
    [TestCase(IssueStatus.New, "new")]
    [TestCase(IssueStatus.InProgress, "in_progress")]
    [TestCase(IssueStatus.Regressed, "regressed")]
    public void ToWireName_IssueStatus_IsTheSnakeCaseMemberName(IssueStatus status, string expected) =>
        Assert.That(status.ToWireName(), Is.EqualTo(expected));

    [Test]
    public void ToWireName_MemberWithAnExplicitName_TakesThatName() =>
        Assert.That(IssueAlertFrequency.SixHourly.ToWireName(), Is.EqualTo("6_hourly"));

    [Test]
    public void All_IssueSort_ListsTheNamesInDeclarationOrder() =>
        Assert.That(WireNames.All<IssueSort>(), Is.EqualTo(new[] { "last_seen", "last_activity", "first_seen", "occurrences", "users" }));

    [Test]
    public void TryParse_EveryNameOfEveryWireEnum_RoundTrips()
    {
        Assert.Multiple(() =>
        {
            AssertRoundTrips<IssueStatus>();
            AssertRoundTrips<IssueSort>();
            AssertRoundTrips<DataMode>();
            AssertRoundTrips<IssueAlertFrequency>();
            AssertRoundTrips<TeamRole>();
        });
    }

    [TestCase("In_Progress")]
    [TestCase("inprogress")]
    [TestCase("InProgress")]
    [TestCase(" in_progress")]
    [TestCase("")]
    [TestCase(null)]
    public void TryParse_AnythingButAnExactName_IsRefused(string? name)
    {
        var parsed = WireNames.TryParse<IssueStatus>(name, out var status);

        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.False, $"'{name}' parsed as {status}");
            Assert.That(status, Is.EqualTo(default(IssueStatus)));
        });
    }

    [Test]
    public void ToWireName_UndeclaredValue_Throws() =>
        Assert.That(() => ((IssueStatus)42).ToWireName(), Throws.InstanceOf<ArgumentOutOfRangeException>());

    private static void AssertRoundTrips<TEnum>()
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var name = value.ToWireName();
            Assert.That(WireNames.TryParse<TEnum>(name, out var parsed) && parsed.Equals(value), Is.True, $"{typeof(TEnum).Name}.{value} as '{name}'");
        }
    }
}
