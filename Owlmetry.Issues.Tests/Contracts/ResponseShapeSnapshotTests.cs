using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;
using Snapshooter.NUnit;

namespace Owlmetry.Issues.Tests.Contracts;

/// <summary>Pins the wire shape of the API's bodies: member names, types, nulls and timestamp format.</summary>
public sealed class ResponseShapeSnapshotTests
{
    private static readonly JsonSerializerOptions s_json = IssuesJson.CreateOptions();
    private static readonly DateTimeOffset s_t0 = new(2024, 1, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid s_issueId = Guid.Parse("6a1f9c3e-0d2b-4b8e-9f51-3c2a7d4e5b60");
    private static readonly Guid s_appId = Guid.Parse("0b7e2f41-3c5d-4e6f-8a9b-1c2d3e4f5a6b");
    private static readonly Guid s_projectId = Guid.Parse("9c8b7a69-5d4e-4f3a-8b2c-1d0e9f8a7b6c");

    private static readonly Issue s_issue = new()
    {
        Id = s_issueId,
        ProjectId = s_projectId,
        AppId = s_appId,
        Status = IssueStatus.InProgress,
        Title = "Connection refused",
        SourceModule = "NetworkService",
        OccurrenceCount = 42,
        UniqueUserCount = 15,
        FirstSeenSdkVersion = "0.1.0",
        LastSeenSdkVersion = "0.1.2",
        FirstSeenAppVersion = "2.0.0",
        LastSeenAppVersion = "2.1.0",
        FirstSeenAt = s_t0,
        LastSeenAt = s_t0.AddHours(4.5),
        LastNotifiedAt = s_t0.AddHours(3).AddMilliseconds(7),
        CreatedAt = s_t0,
        UpdatedAt = s_t0.AddHours(4.5),
        Fingerprints = ["a1b2c3"],
    };

    private static readonly IssueComment s_comment = new()
    {
        Id = Guid.Parse("1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6"),
        IssueId = s_issueId,
        Author = new CommentAuthor(AuthorType.User, Guid.Parse("2f3e4d5c-6b7a-4989-8a1b-2c3d4e5f6a7b"), "Jane Doe"),
        Body = "Investigating root cause...",
        CreatedAt = s_t0.AddHours(5),
        UpdatedAt = s_t0.AddHours(5),
    };

    [Test]
    public void IssueResponse_Shape() =>
        Snapshot.Match(Shape(new IssueListItem(s_issue, "iOS App").ToResponse()));

    [Test]
    public void IssueResponse_Claimed_HasClaim() =>
        Snapshot.Match(Shape(new IssueListItem(
            s_issue with { Claim = new IssueClaim(ActorKind.Agent, Guid.Parse("3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d"), "triage-bot", s_t0.AddHours(5), s_t0.AddHours(5.25)) },
            "iOS App").ToResponse()));

    [Test]
    public void IssueResponse_InTeamList_HasProjectName() =>
        Snapshot.Match(Shape(new IssueListItem(s_issue, "iOS App", "Shop").ToResponse()));

    [Test]
    public void IssueListResponse_Shape() =>
        Snapshot.Match(Shape(new IssuePage([new IssueListItem(s_issue, "iOS App")], "bGFzdF9zZWVu", true).ToResponse()));

    [Test]
    public void CommentResponse_Shape() =>
        Snapshot.Match(Shape(s_comment.ToResponse()));

    [Test]
    public void IssueDetailResponse_Shape()
    {
        var occurrence = new IssueOccurrence
        {
            Id = Guid.Parse("3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d"),
            IssueId = s_issueId,
            SessionId = Guid.Parse("4b5c6d7e-8f9a-4b1c-8d2e-3f4a5b6c7d8e"),
            UserId = "user123",
            AppVersion = "2.1.0",
            SdkName = "owlmetry-swift",
            SdkVersion = "0.1.2",
            Environment = "ios",
            EventId = Guid.Parse("5c6d7e8f-9a0b-4c2d-9e3f-4a5b6c7d8e9f"),
            CountryCode = "US",
            Timestamp = s_t0.AddHours(4.5),
            CreatedAt = s_t0.AddHours(4.5).AddSeconds(1),
        };
        var attachment = new IssueAttachment
        {
            Id = Guid.Parse("6d7e8f9a-0b1c-4d3e-8f4a-5b6c7d8e9f0a"),
            ProjectId = s_projectId,
            AppId = s_appId,
            IssueId = s_issueId,
            ClientEventId = Guid.Parse("7e8f9a0b-1c2d-4e4f-9a5b-6c7d8e9f0a1b"),
            EventId = occurrence.EventId,
            OriginalFilename = "crash.log",
            ContentType = "text/plain",
            SizeBytes = 2048,
            Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            UploadedAt = s_t0.AddHours(4.5).AddSeconds(2),
            CreatedAt = s_t0.AddHours(4.5).AddSeconds(1),
        };
        var detail = new IssueDetail(new IssueListItem(s_issue, "iOS App"), [occurrence], null, false, [s_comment], [attachment]);

        Snapshot.Match(Shape(detail.ToResponse()));
    }

    // Snapshooter serializes with Newtonsoft; hand it the System.Text.Json output as a token, dates left as text.
    private static JToken Shape<T>(T response) =>
        JsonConvert.DeserializeObject<JToken>(
            System.Text.Json.JsonSerializer.Serialize(response, s_json),
            new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;
}
