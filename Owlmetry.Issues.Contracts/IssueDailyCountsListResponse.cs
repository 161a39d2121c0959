namespace Owlmetry.Issues.Contracts;

/// <summary>
/// <c>GET /v1/issues/daily-counts?ids=…</c>: the 14-day charts of several issues in one call. Issues that do not exist or
/// that the caller cannot see are left out.
/// </summary>
/// <param name="Issues">The visible issues asked for, in the order asked.</param>
public sealed record IssueDailyCountsListResponse(IReadOnlyList<IssueDailyCountsResponse> Issues);
