using Owlmetry.Issues.Ingest;

namespace Owlmetry.Samples.Worker;

// The team, project and app this worker files its errors under. One process with one app needs only three ids; an
// application with tenants of its own maps them to the library through its own IIssueDirectory.
public static class WorkerApp
{
    public static readonly Guid TeamId = new("3f6c1d2e-7a4b-4c1f-9e2d-5b8a7c6d4e01");
    public static readonly Guid ProjectId = new("3f6c1d2e-7a4b-4c1f-9e2d-5b8a7c6d4e02");
    public static readonly Guid AppId = new("3f6c1d2e-7a4b-4c1f-9e2d-5b8a7c6d4e03");

    public const string ProjectName = "Order imports";

    // A backend app: its events name the "backend" environment.
    public static IngestSource Source { get; } = new(AppId, ProjectId, Platform: "backend");
}
