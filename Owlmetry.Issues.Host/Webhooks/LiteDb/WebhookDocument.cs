namespace Owlmetry.Issues.Host.Webhooks.LiteDb;

internal sealed class WebhookDocument
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public string Url { get; set; } = "";

    public string Secret { get; set; } = "";

    public List<string> Events { get; set; } = [];

    public long CreatedAt { get; set; }

    public static WebhookDocument From(Webhook w) => new()
    {
        Id = w.Id, TeamId = w.TeamId, Url = w.Url, Secret = w.Secret, Events = [.. w.Events], CreatedAt = w.CreatedAt.ToUnixTimeMilliseconds(),
    };

    public Webhook ToWebhook() => new(Id, TeamId, Url, Secret, [.. Events], DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
}
