using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    [Test]
    public async Task MoveFingerprints_AliasesOfTwoAppsAndBothSides_RepointsEveryAliasOfThatIssueOnly()
    {
        var from = Guid.NewGuid();
        var to = Guid.NewGuid();
        var bystander = Guid.NewGuid();
        FingerprintKey[] moved =
        [
            new("aaaa", TestIds.App, IsDev: false),
            new("aaaa", TestIds.App, IsDev: true),
            new("bbbb", TestIds.OtherApp, IsDev: false),
        ];
        var untouched = new FingerprintKey("cccc", TestIds.App, IsDev: false);
        await WriteAsync(async writer =>
        {
            foreach (var key in moved)
            {
                await writer.AssignFingerprintAsync(key, from);
            }

            await writer.AssignFingerprintAsync(untouched, bystander);
        });

        await WriteAsync(writer => writer.MoveFingerprintsAsync(from, to));

        var routes = new List<Guid?>();
        foreach (var key in moved.Append(untouched))
        {
            routes.Add(await ReadAsync(reader => reader.FindIssueIdByFingerprintAsync(key)));
        }

        Assert.That(routes, Is.EqualTo(new Guid?[] { to, to, to, bystander }),
            "every alias of the issue, whatever its app and side, now routes to the target; another issue's alias stays");
    }

    [Test]
    public async Task MoveFingerprints_UnitThrowsAfterwards_RollsBackTheMove()
    {
        var from = Guid.NewGuid();
        var key = new FingerprintKey("aaaa", TestIds.App, IsDev: true);
        await WriteAsync(writer => writer.AssignFingerprintAsync(key, from));

        await Assert.ThatAsync(
            () => WriteAsync(async writer =>
            {
                await writer.MoveFingerprintsAsync(from, Guid.NewGuid());
                throw new InvalidOperationException("after the move");
            }),
            Throws.InvalidOperationException);

        Assert.That(await ReadAsync(reader => reader.FindIssueIdByFingerprintAsync(key)), Is.EqualTo(from));
    }
}
