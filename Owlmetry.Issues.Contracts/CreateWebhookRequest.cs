namespace Owlmetry.Issues.Contracts;

/// <summary>The body of <c>POST /v1/teams/:teamId/webhooks</c>.</summary>
/// <param name="Url">Where to deliver.</param>
/// <param name="Secret">The signing secret; generated when left out.</param>
/// <param name="Events">The notification types to deliver; every type when left out.</param>
public sealed record CreateWebhookRequest(string? Url, string? Secret = null, IReadOnlyList<string>? Events = null);
