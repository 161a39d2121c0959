using System.Net;
using System.Text;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>Listing, reading and deleting attachments through the client, over the real pipeline.</summary>
public sealed class AttachmentsApiTests : AttachmentsApiFixture
{
    [Test]
    public async Task List_ByProjectPagedOneByOne_ReturnsEveryAttachmentOnce()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await Sdk.AddAttachmentAsync($"log {i}"));
        }

        var walked = await Owner.ListAttachmentsAsync(new AttachmentListQuery { ProjectId = Team.Project.Id, PageSize = 1 }).Select(a => a.Id).ToListAsync();

        Assert.That(walked, Is.EquivalentTo(ids));
        Assert.That(walked, Has.Count.EqualTo(3));
    }

    [TestCase(ApiKeyType.Client, IssuePermissions.EventsWrite, 403)]
    [TestCase(ApiKeyType.Agent, IssuePermissions.Read, 403)]
    [TestCase(ApiKeyType.Agent, IssuePermissions.EventsRead, 200)]
    public async Task List_ByKey_NeedsEventsRead(ApiKeyType type, string permission, int status)
    {
        var client = ClientFor(await Team.CreateKeyAsync(type, permission));

        var list = () => client.ListAttachmentsAsync(new AttachmentListQuery { ProjectId = Team.Project.Id }).ToListAsync().AsTask();

        if (status == 403)
        {
            var refused = Assert.ThrowsAsync<OwlmetryApiException>(async () => await list());
            Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(refused.Error, Is.EqualTo("Missing permission: events:read"));
        }
        else
        {
            Assert.That(await list(), Is.Empty);
        }
    }

    [Test]
    public async Task Get_Reserved_HasNullDownloadUrl()
    {
        var reserved = await Sdk.ReserveAttachmentAsync(ClientAttachments.Reservation(Encoding.UTF8.GetBytes("pending")));

        var detail = await Owner.GetAttachmentAsync(reserved.AttachmentId);

        Assert.That(detail.DownloadUrl, Is.Null);
        Assert.That(detail.UploadedAt, Is.Null);
    }
}
