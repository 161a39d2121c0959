namespace Owlmetry.Issues.Storage.LiteDb.Keys;

internal static partial class StorageKeys
{
    /// <summary>The prefix of every row keyed under one project.</summary>
    public static string Project(Guid projectId) => Id(projectId) + "|";

    public static string ProjectRow(Guid projectId, KeysetKey key) => Project(projectId) + Keyset(key);

    public static string ProjectUsage(Guid projectId) => "p|" + Id(projectId);

    public static string UserUsage(Guid projectId, string userId) => $"u|{Id(projectId)}|{userId}";
}
