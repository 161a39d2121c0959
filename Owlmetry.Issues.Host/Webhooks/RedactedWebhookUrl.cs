namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>
/// A webhook URL as shown to those who may not replace it. The URL can be the endpoint's credential (a Slack or Teams
/// incoming webhook is a secret path), so only its scheme, host and port are kept: <c>https://hooks.slack.com/****</c>.
/// </summary>
internal static class RedactedWebhookUrl
{
    private const string Hidden = "****";

    // Uri.Authority is the host and port without any user info, which is a credential too.
    public static string Of(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/{Hidden}" : Hidden;
}
