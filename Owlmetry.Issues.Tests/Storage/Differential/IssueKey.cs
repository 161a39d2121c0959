using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>
/// Names an issue the same way on both sides, where the library gave it a different random id on each: by its
/// app, its dev or production side and its fingerprints, which the scan and merges derive from the commands alone.
/// </summary>
internal static class IssueKey
{
    public static string Of(Issue issue)
    {
        var app = DifferentialTenancy.Apps.FirstOrDefault(a => a.Info.Id == issue.AppId)?.Info.Name ?? issue.AppId.ToString();
        var fingerprints = issue.Fingerprints.Select(EventPool.FingerprintLabel).Order(StringComparer.Ordinal);
        return $"{app}/{(issue.IsDev ? "dev" : "prod")}/{string.Join(" + ", fingerprints)}";
    }
}
