namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Allows webhook URLs into loopback, private and link-local networks (CONTRACT §9). Off by default.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// The most webhooks a team may have. Each notification becomes a delivery to every one of them, retried: without
    /// a bound, one admin could have the server send any number of requests to any public address.
    /// </summary>
    public int MaxPerTeam { get; set; } = 20;

    /// <summary>Attempts per delivery, the first included, before it is marked failed; counted across restarts.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; each later wait doubles it (5 s, 10 s, 20 s, 40 s by default).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many attempts are in flight at once, across every team's webhooks. A delivery waiting for its next retry holds
    /// none, so failing receivers do not hold back the others.
    /// </summary>
    public int MaxConcurrentDeliveries { get; set; } = 4;

    /// <summary>How often pending deliveries are looked for when nothing wakes the sender.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
