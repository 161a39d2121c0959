using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>An <see cref="HttpApiFixture"/> with the two callers attachments have: the SDK that uploads and the owner who reads.</summary>
public abstract class AttachmentsApiFixture : HttpApiFixture
{
    private protected HttpClient Sdk { get; private set; } = null!;

    private protected HttpClient Owner { get; private set; } = null!;

    [SetUp]
    public async Task CreateClientsAsync()
    {
        Sdk = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        Owner = Team.ClientWith(Team.Token(TeamRole.Owner));
    }

    [TearDown]
    public void DisposeClients()
    {
        Sdk.Dispose();
        Owner.Dispose();
    }
}
