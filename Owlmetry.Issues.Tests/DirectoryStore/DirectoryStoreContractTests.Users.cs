using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.DirectoryStore;

public abstract partial class DirectoryStoreContractTests
{
    [Test]
    public async Task AddUserAsync_ThenFindUserAsync_RoundTripsEveryField()
    {
        var user = DirectoryRecords.User("Ada.Lovelace@Example.com", TestTimes.At(7));

        await Store.AddUserAsync(user);

        Assert.That(await Store.FindUserAsync(user.Id), Is.EqualTo(user), "the user read back differs from the one added (email kept as given)");
    }

    [Test]
    public async Task FindUserAsync_UnknownId_ReturnsNull()
    {
        await Store.AddUserAsync(DirectoryRecords.User());

        Assert.That(await Store.FindUserAsync(Guid.NewGuid()), Is.Null, "an unknown id found a user");
    }

    [TestCase("ada.lovelace@example.com")]
    [TestCase("ADA.LOVELACE@EXAMPLE.COM")]
    [TestCase("Ada.Lovelace@Example.com")]
    public async Task FindUserByEmailAsync_AnyCase_FindsTheUser(string lookup)
    {
        var user = DirectoryRecords.User("Ada.Lovelace@Example.com");
        await Store.AddUserAsync(user);
        await Store.AddUserAsync(DirectoryRecords.User("grace@example.com"));

        Assert.That(await Store.FindUserByEmailAsync(lookup), Is.EqualTo(user), $"'{lookup}' did not find the user: emails compare case-insensitively");
    }

    [Test]
    public async Task FindUserByEmailAsync_UnknownEmail_ReturnsNull()
    {
        await Store.AddUserAsync(DirectoryRecords.User("ada@example.com"));

        Assert.That(await Store.FindUserByEmailAsync("ada@example.org"), Is.Null, "an unknown email found a user");
    }

    [Test]
    public async Task AddUserAsync_EmailTakenInAnotherCase_ThrowsConflictAndKeepsTheFirst()
    {
        var first = DirectoryRecords.User("ada@example.com");
        var second = DirectoryRecords.User("ADA@Example.COM");
        await Store.AddUserAsync(first);

        Assert.That(() => Store.AddUserAsync(second), Throws.TypeOf<DirectoryConflictException>(), "a second user with the email in another case was not refused");
        Assert.That(await Store.FindUserAsync(second.Id), Is.Null, "the refused user was stored");
        Assert.That(await Store.FindUserByEmailAsync("ada@example.com"), Is.EqualTo(first), "the first user is no longer the one the email finds");
    }

    [Test]
    public async Task AddUserAsync_ParallelSameEmail_ExactlyOneLands()
    {
        var users = Enumerable.Range(0, 8).Select(i => DirectoryRecords.User(i % 2 == 0 ? "ada@example.com" : "Ada@Example.com")).ToList();

        var outcomes = await Task.WhenAll(users.Select(user => Task.Run(async () =>
        {
            try
            {
                await Store.AddUserAsync(user);
                return true;
            }
            catch (DirectoryConflictException)
            {
                return false;
            }
        })));

        Assert.That(outcomes.Count(added => added), Is.EqualTo(1), "not exactly one of the parallel adds of one email succeeded");
        var stored = await Task.WhenAll(users.Select(u => Store.FindUserAsync(u.Id)));
        Assert.That(stored.Count(u => u is not null), Is.EqualTo(1), "not exactly one user with the email is stored");
    }

    [Test]
    public async Task AddMemberAsync_NewUser_StoresTheUserAndTheMembership()
    {
        var team = DirectoryRecords.Team();
        var owner = DirectoryRecords.User();
        await Store.AddUserAsync(owner);
        await Store.AddTeamAsync(team, DirectoryRecords.Membership(team.Id, owner.Id, TeamRole.Owner));
        var user = DirectoryRecords.User();
        var membership = DirectoryRecords.Membership(team.Id, user.Id, TeamRole.Admin, TestTimes.At(5));

        await Store.AddMemberAsync(user, membership);

        Assert.That(await Store.FindUserAsync(user.Id), Is.EqualTo(user), "the new member's user was not stored");
        Assert.That(await Store.ListMembershipsOfUserAsync(user.Id), Is.EqualTo(new[] { membership }), "the new member's membership was not stored");
    }

    [Test]
    public async Task AddMemberAsync_EmailTaken_ThrowsConflictAndStoresNoMembership()
    {
        var team = DirectoryRecords.Team();
        var owner = DirectoryRecords.User("owner@example.com");
        await Store.AddUserAsync(owner);
        var ownership = DirectoryRecords.Membership(team.Id, owner.Id, TeamRole.Owner);
        await Store.AddTeamAsync(team, ownership);
        var duplicate = DirectoryRecords.User("Owner@Example.com");

        Assert.That(
            () => Store.AddMemberAsync(duplicate, DirectoryRecords.Membership(team.Id, duplicate.Id, TeamRole.Member, TestTimes.At(1))),
            Throws.TypeOf<DirectoryConflictException>(),
            "a member whose email is taken was not refused");
        Assert.That(await Store.FindUserAsync(duplicate.Id), Is.Null, "the refused member's user was stored");
        Assert.That(await Store.ListMembershipsOfUserAsync(duplicate.Id), Is.Empty, "the refused member's membership was stored without its user");
        Assert.That(await Store.ListMembershipsOfTeamAsync(team.Id), Is.EqualTo(new[] { ownership }), "the team's memberships changed");
    }
}
