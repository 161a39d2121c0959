using Owlmetry.Issues.Background;

namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>Wakes the webhook sender when deliveries were added.</summary>
internal sealed class WebhookSignal : WakeSignal;
