namespace Owlmetry.Issues.Host.Contracts;

public sealed record CreateWebhookRequest(string? Url, string? Secret = null, IReadOnlyList<string>? Events = null);
