using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Tests.Errors;

public sealed class IssueErrorTests
{
    private static IssueError Quota(long quota, long used) =>
        IssueError.TooLarge("full") with { Code = "quota_exhausted", Figures = new Dictionary<string, long> { ["quota_bytes"] = quota, ["used_bytes"] = used } };

    [Test]
    public void Equals_SameFiguresInOtherDictionaries_IsEqual()
    {
        var reordered = IssueError.TooLarge("full") with
        {
            Code = "quota_exhausted", Figures = new Dictionary<string, long> { ["used_bytes"] = 60, ["quota_bytes"] = 100 },
        };

        Assert.That(Quota(100, 60), Is.EqualTo(reordered));
        Assert.That(Quota(100, 60).GetHashCode(), Is.EqualTo(reordered.GetHashCode()));
    }

    [Test]
    public void Equals_AnotherFigureOrCode_IsNotEqual()
    {
        Assert.That(Quota(100, 60), Is.Not.EqualTo(Quota(100, 61)));
        Assert.That(Quota(100, 60), Is.Not.EqualTo(Quota(100, 60) with { Code = "user_quota_exhausted" }));
        Assert.That(Quota(100, 60), Is.Not.EqualTo(Quota(100, 60) with { Figures = null }));
        Assert.That(IssueError.TooLarge("full"), Is.Not.EqualTo(IssueError.TooLarge("full") with { Code = "quota_exhausted" }));
    }

    [Test]
    public void Equals_NoFiguresAndAnEmptySet_IsEqual()
    {
        Assert.That(IssueError.Invalid("bad"), Is.EqualTo(IssueError.Invalid("bad") with { Figures = new Dictionary<string, long>() }));
    }

    [Test]
    public void ToString_NamesTheCodeAndEveryFigure()
    {
        Assert.That(Quota(100, 60).ToString(), Is.EqualTo("IssueError { Kind = TooLarge, Message = full, Code = quota_exhausted, quota_bytes = 100, used_bytes = 60 }"));
        Assert.That(IssueError.NotFound("Issue not found").ToString(), Is.EqualTo("IssueError { Kind = NotFound, Message = Issue not found }"));
    }
}
