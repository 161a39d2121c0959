using Microsoft.AspNetCore.Mvc;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>The query string of the issue lists, taken as text so that bad values get our own 400 message.</summary>
internal sealed record IssueListParameters
{
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "app_id")]
    public string? AppId { get; init; }

    [FromQuery(Name = "is_dev")]
    public string? IsDev { get; init; }

    [FromQuery(Name = "data_mode")]
    public string? DataMode { get; init; }

    [FromQuery(Name = "claim")]
    public string? Claim { get; init; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }
}
