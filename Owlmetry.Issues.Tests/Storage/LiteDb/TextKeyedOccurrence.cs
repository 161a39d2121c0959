using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Tests.Storage.LiteDb;

/// <summary>
/// An occurrence as files of schema versions 1 to 10 stored it, in the <c>occurrences</c> collection: a guid
/// <c>_id</c> and three hex text keys (see <c>Fixtures/release-93b54d7.zip</c> for a file the release itself wrote).
/// </summary>
internal static class TextKeyedOccurrence
{
    public const string Collection = "occurrences";

    public static BsonDocument Document(IssueOccurrence occurrence, bool withUserKey = true)
    {
        var issue = StorageKeys.Id(occurrence.IssueId) + "|";
        var document = new BsonDocument
        {
            ["_id"] = occurrence.Id,
            ["IssueId"] = occurrence.IssueId,
            ["SessionId"] = occurrence.SessionId,
            ["UserId"] = occurrence.UserId,
            ["AppUserId"] = occurrence.AppUserId,
            ["AppVersion"] = occurrence.AppVersion,
            ["SdkName"] = occurrence.SdkName,
            ["SdkVersion"] = occurrence.SdkVersion,
            ["Environment"] = occurrence.Environment,
            ["EventId"] = occurrence.EventId,
            ["CountryCode"] = occurrence.CountryCode,
            ["Timestamp"] = occurrence.Timestamp.ToUnixTimeMilliseconds(),
            ["CreatedAt"] = occurrence.CreatedAt.ToUnixTimeMilliseconds(),
            ["SessionKey"] = issue + StorageKeys.Id(occurrence.SessionId),
            ["PageKey"] = $"{issue}{StorageKeys.Time(occurrence.Timestamp)}|{StorageKeys.Id(occurrence.Id)}",
        };
        if (withUserKey)
        {
            document["UserKey"] = issue + (occurrence.UserId is null ? "n" : "u:" + occurrence.UserId);
        }

        return document;
    }
}
