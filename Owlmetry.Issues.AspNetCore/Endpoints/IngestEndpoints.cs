using System.Security.Claims;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.AspNetCore.Http;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

public static class IngestEndpoints
{
    public const int MaxBodyBytes = 1 << 20;

    public static async Task<IResult> Ingest(
        HttpRequest request, ClaimsPrincipal principal, CurrentActor caller, IDirectoryStore directory, EventIngestor ingestor, CancellationToken ct)
    {
        if (!caller.Actor.Has(IssuePermissions.EventsWrite))
        {
            return IssueError.MissingPermission(IssuePermissions.EventsWrite).ToProblem();
        }

        if (caller.Actor.Kind != ActorKind.Client
            || !Guid.TryParse(principal.FindFirstValue(OwlmetryClaims.App), out var appId)
            || await directory.FindAppAsync(appId, ct) is not { } app)
        {
            return ErrorResponses.Problem(StatusCodes.Status403Forbidden, "Ingest requires a client key bound to an app");
        }

        var (document, status, error) = await BoundedBody.ReadJsonAsync(request, MaxBodyBytes, ct);
        using (document)
        {
            if (document is null)
            {
                return ErrorResponses.Problem(status!.Value, error!);
            }

            var batch = IngestRequestReader.Read(document.RootElement);
            if (!batch.IsSuccess)
            {
                return batch.Error.ToProblem();
            }

            if (app.BundleId is not null && batch.Value.BundleId is null)
            {
                return ErrorResponses.Problem(StatusCodes.Status400BadRequest, "bundle_id is required for this app");
            }

            if (app.BundleId is not null && batch.Value.BundleId != app.BundleId)
            {
                return ErrorResponses.Problem(StatusCodes.Status403Forbidden, "bundle_id does not match the app");
            }

            var source = new IngestSource(app.Id, app.ProjectId, app.Platform, CountryOf(request));
            var result = await ingestor.IngestAsync(source, batch.Value.Events, ct);
            return result.ToHttp(r => new IngestResponse(r.Accepted, r.Rejected, r.Errors.Count == 0 ? null : r.Errors));
        }
    }

    /// <summary>Cloudflare's <c>CF-IPCountry</c>: two letters, with <c>XX</c> (unknown) and <c>T1</c> (Tor) as no country.</summary>
    private static string? CountryOf(HttpRequest request)
    {
        var header = request.Headers["CF-IPCountry"].ToString().Trim().ToUpperInvariant();
        return header.Length == 2 && header.All(char.IsAsciiLetterUpper) && header is not "XX" ? header : null;
    }
}
