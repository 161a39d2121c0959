namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>The path the API was mapped under, as endpoint metadata: the links it returns (locations, upload and download URLs) start with it.</summary>
internal sealed record IssuesApiPrefix(string Value)
{
    public static string Of(HttpContext context) =>
        (context.GetEndpoint()?.Metadata.GetMetadata<IssuesApiPrefix>()?.Value ?? "/v1").TrimEnd('/');
}
