namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>
/// A team's webhook. The secret is kept as given, not hashed: every delivery is signed with it (HMAC), so the
/// server must be able to read it back. It lives in the owner-only data directory and is shown only at creation.
/// </summary>
public sealed record Webhook(Guid Id, Guid TeamId, string Url, string Secret, IReadOnlyList<string> Events, DateTimeOffset CreatedAt);
