using System.Text.Json.Serialization;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Notifications;

/// <summary>An issue as a digest lists it.</summary>
/// <param name="Id">The issue id.</param>
/// <param name="Title">The issue title.</param>
/// <param name="Status">New or regressed, written as its wire name.</param>
/// <param name="OccurrenceCount">The issue's occurrences so far.</param>
/// <param name="UniqueUserCount">The distinct users so far.</param>
/// <param name="AppName">The name of the issue's app.</param>
public sealed record DigestIssue(
    Guid Id,
    string Title,
    [property: JsonConverter(typeof(IssueStatusJsonConverter))] IssueStatus Status,
    int OccurrenceCount,
    int UniqueUserCount,
    string AppName);
