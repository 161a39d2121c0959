using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// An <see cref="HttpApiFixture"/> with the two callers attachments have, the SDK that uploads and the owner who reads:
/// each as a typed client to arrange and check behaviour, and over raw HTTP for the tests whose subject is the wire.
/// </summary>
public abstract class AttachmentsApiFixture : HttpApiFixture
{
    private protected OwlmetryIssuesClient Sdk { get; private set; } = null!;

    private protected OwlmetryIssuesClient Owner { get; private set; } = null!;

    private protected HttpClient SdkHttp { get; private set; } = null!;

    private protected HttpClient OwnerHttp { get; private set; } = null!;

    [SetUp]
    public async Task CreateClientsAsync()
    {
        var sdkKey = await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite);
        Sdk = ClientFor(sdkKey);
        Owner = ClientFor(Team.Token(TeamRole.Owner));
        SdkHttp = Team.ClientWith(sdkKey);
        OwnerHttp = Team.ClientWith(Team.Token(TeamRole.Owner));
    }

    [TearDown]
    public void DisposeClients()
    {
        SdkHttp.Dispose();
        OwnerHttp.Dispose();
    }
}
