using Carter;

namespace Owlmetry.Issues.AspNetCore.Modules;

/// <summary>
/// The Issues API's Carter modules, mapped on the API's route group rather than by <c>MapCarter</c>: a host's own
/// <c>MapCarter</c> (which maps every module it registered, at the root) then neither misses the prefix nor maps them twice.
/// </summary>
internal static class IssuesApiModules
{
    public static IReadOnlyList<ICarterModule> All { get; } =
    [
        new IssuesModule(), new IssueCommentsModule(), new IngestModule(), new AttachmentIngestModule(),
        new AttachmentsModule(), new EventsModule(), new JobsModule(),
    ];
}
