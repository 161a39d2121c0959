using System.Text;
using System.Text.RegularExpressions;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;
using Snapshooter.NUnit;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The bodies of the attachment endpoints as clients see them, ids, times and tokens scrubbed.</summary>
public sealed partial class AttachmentsApiSnapshotTests
{
    private static readonly byte[] s_content = Encoding.UTF8.GetBytes("NullReferenceException at Checkout.Pay()");

    private OwlmetryServerFactory _factory = null!;
    private HttpTeam _team = null!;
    private HttpClient _sdk = null!;
    private HttpClient _owner = null!;

    [SetUp]
    public async Task SetUp()
    {
        _factory = new OwlmetryServerFactory();
        _team = await HttpTeam.CreateAsync(_factory);
        _sdk = _team.ClientWith(await _team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        _owner = _team.ClientWith(_team.Token(TeamRole.Owner));
    }

    [TearDown]
    public void TearDown()
    {
        _sdk.Dispose();
        _owner.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task ReserveAndUpload_Bodies()
    {
        using var reserved = await _sdk.ReserveAsync(HttpAttachments.Reservation(s_content, userId: "user-1"));
        var reservation = await reserved.Content.ReadAsStringAsync();
        var uploadUrl = (await reserved.JsonAsync()).Text("upload_url");
        using var uploaded = await _sdk.UploadAsync(uploadUrl, s_content);

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"reserve\":{reservation},\"upload\":{await uploaded.Content.ReadAsStringAsync()}}}"));
    }

    [Test]
    public async Task ListGetAndDelete_Bodies()
    {
        var id = await _sdk.AddAsync(Encoding.UTF8.GetString(s_content));

        var list = await _owner.GetStringAsync($"/v1/attachments?project_id={_team.Project.Id}");
        var detail = TokenPattern().Replace(await _owner.GetStringAsync($"/v1/attachments/{id}"), "t=<token>");
        using var deleted = await _owner.DeleteAsync($"/v1/attachments/{id}");

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"list\":{list},\"get\":{detail},\"delete\":{await deleted.Content.ReadAsStringAsync()}}}"));
    }

    [Test]
    public async Task Refused_Body()
    {
        using var refused = await _sdk.ReserveAsync(HttpAttachments.Reservation(s_content, filename: "setup.exe"));

        Snapshot.Match(JsonSnapshot.Scrub(await refused.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("t=[A-Za-z0-9_-]+")]
    private static partial Regex TokenPattern();
}
