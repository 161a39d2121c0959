using System.Text;
using System.Text.RegularExpressions;
using Owlmetry.Issues.Tests.Support;
using Snapshooter.NUnit;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The bodies of the attachment endpoints as clients see them, ids, times and tokens scrubbed.</summary>
public sealed partial class AttachmentsApiSnapshotTests : AttachmentsApiFixture
{
    private static readonly byte[] s_content = Encoding.UTF8.GetBytes("NullReferenceException at Checkout.Pay()");

    // Room for two of s_content per user, so that a third shows the quota refusal's body.
    private protected override OwlmetryServerFactory CreateServer() => new(new Dictionary<string, string?> { ["Attachments:UserQuotaBytes"] = "100" });

    [Test]
    public async Task ReserveAndUpload_Bodies()
    {
        using var reserved = await SdkHttp.ReserveAsync(HttpAttachments.Reservation(s_content, userId: "user-1"));
        var reservation = await reserved.Content.ReadAsStringAsync();
        var uploadUrl = (await reserved.JsonAsync()).Text("upload_url");
        using var uploaded = await SdkHttp.UploadAsync(uploadUrl, s_content);

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"reserve\":{reservation},\"upload\":{await uploaded.Content.ReadAsStringAsync()}}}"));
    }

    [Test]
    public async Task ListGetAndDelete_Bodies()
    {
        var id = await Sdk.AddAttachmentAsync(Encoding.UTF8.GetString(s_content));

        var list = await OwnerHttp.GetStringAsync($"/v1/attachments?project_id={Team.Project.Id}");
        var detail = TokenPattern().Replace(await OwnerHttp.GetStringAsync($"/v1/attachments/{id}"), "t=<token>");
        using var deleted = await OwnerHttp.DeleteAsync($"/v1/attachments/{id}");

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"list\":{list},\"get\":{detail},\"delete\":{await deleted.Content.ReadAsStringAsync()}}}"));
    }

    [Test]
    public async Task Refused_Body()
    {
        using var refused = await SdkHttp.ReserveAsync(HttpAttachments.Reservation(s_content, filename: "setup.exe"));

        Snapshot.Match(JsonSnapshot.Scrub(await refused.Content.ReadAsStringAsync()));
    }

    [Test]
    public async Task GetNotYetUploaded_Body()
    {
        var reserved = await Sdk.ReserveAttachmentAsync(ClientAttachments.Reservation(s_content, userId: "user-1"));

        Snapshot.Match(JsonSnapshot.Scrub(await OwnerHttp.GetStringAsync($"/v1/attachments/{reserved.AttachmentId}")));
    }

    [Test]
    public async Task RefusedForTheUsersQuota_Body()
    {
        await Sdk.ReserveAttachmentAsync(ClientAttachments.Reservation(s_content, userId: "user-1"));
        await Sdk.ReserveAttachmentAsync(ClientAttachments.Reservation(s_content, userId: "user-1"));

        using var refused = await SdkHttp.ReserveAsync(HttpAttachments.Reservation(s_content, userId: "user-1"));

        Snapshot.Match(JsonSnapshot.Scrub(await refused.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("t=[A-Za-z0-9_-]+")]
    private static partial Regex TokenPattern();
}
