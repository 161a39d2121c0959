using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Host.Backups;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Observability;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Storage.PostgreSql;

namespace Owlmetry.Issues.Host.Endpoints;

/// <summary>
/// <c>POST /v1/admin/backup</c> with the backup token: the server writes a backup into a staging folder of its data
/// directory (holding up units of work only while it copies the database file), then streams it as a zip archive
/// and deletes the staging folder.
/// </summary>
internal static class BackupEndpoints
{
    public const string Route = "/v1/admin/backup";

    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Create(
        HttpContext http, BackupToken token, IIssueStore store, DataDirectory dataDirectory, TimeProvider clock, CancellationToken ct)
    {
        var beneath = MeasuredIssueStore.Beneath(store);
        if (beneath is not LiteDbIssueStore liteDb)
        {
            return IssueError.Conflict(beneath is PostgreSqlIssueStore
                ? "This server keeps its data in PostgreSQL: back the database up with pg_dump"
                : "This server keeps its issues in memory: there is no data directory to back up").ToProblem();
        }

        if (!token.IsPresentedBy(http.Request.Headers.Authorization))
        {
            return IssueError.Unauthenticated($"A backup needs the server's backup token (the {BackupToken.FileName} file of its data directory) as bearer token").ToProblem();
        }

        var staging = BackupFolder.NewStaging(dataDirectory);
        http.Response.OnCompleted(() =>
        {
            BackupFolder.Delete(staging);
            return Task.CompletedTask;
        });
        await BackupWriter.WriteAsync(liteDb, dataDirectory, staging, clock.GetUtcNow(), ct);

        // The zip archive still closes each entry with a synchronous write, even from its async API (.NET 10). Allowed
        // for this one response, rather than staging the whole archive on disk next to the data first.
        http.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
        return TypedResults.Stream(
            body => ZipFile.CreateFromDirectoryAsync(staging, body, CompressionLevel.Fastest, includeBaseDirectory: false, http.RequestAborted),
            "application/zip",
            "owlmetry-backup.zip");
    }
}
