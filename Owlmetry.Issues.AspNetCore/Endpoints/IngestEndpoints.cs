using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Ingest;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

internal static class IngestEndpoints
{
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>The key is checked before the body is read, so a refused key never costs a read.</summary>
    public static async Task<Results<Ok<IngestResponse>, ProblemHttpResult>> Ingest(
        HttpRequest request, CurrentActor caller, IngestAccess access, EventIngestor ingestor, CancellationToken ct)
    {
        var app = await access.AuthorizeEventsAsync(caller.Actor, ct);
        if (!app.IsSuccess)
        {
            return app.Error.ToProblem();
        }

        var body = await BoundedBody.ReadJsonAsync(request, MaxBodyBytes, ct);
        if (!body.IsSuccess)
        {
            return body.Error.ToProblem();
        }

        using var document = body.Value;
        var batch = IngestRequestReader.Read(document.RootElement);
        if (!batch.IsSuccess)
        {
            return batch.Error.ToProblem();
        }

        var source = IngestAccess.SourceOf(app.Value, batch.Value.BundleId, CountryOf(request));
        return source.IsSuccess
            ? (await ingestor.IngestAsync(source.Value, batch.Value.Events, ct)).ToHttp(ResourceContracts.ToResponse)
            : source.Error.ToProblem();
    }

    /// <summary>Cloudflare's <c>CF-IPCountry</c>: two letters, with <c>XX</c> (unknown) and <c>T1</c> (Tor) as no country.</summary>
    private static string? CountryOf(HttpRequest request)
    {
        var header = request.Headers["CF-IPCountry"].ToString().Trim().ToUpperInvariant();
        return header.Length == 2 && header.All(char.IsAsciiLetterUpper) && header is not "XX" ? header : null;
    }
}
