using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Projects;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>An app of the differential tenancy with the platform ingest checks its environments against.</summary>
/// <param name="Info">The app as the directory knows it.</param>
/// <param name="Platform">The platform of its ingest source.</param>
/// <param name="Environments">The environments its platform allows.</param>
internal sealed record TenantApp(AppInfo Info, string Platform, IReadOnlyList<string> Environments)
{
    public IngestSource Source => new(Info.Id, Info.ProjectId, Platform);
}
