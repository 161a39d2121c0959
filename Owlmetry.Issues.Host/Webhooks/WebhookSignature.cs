using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Owlmetry.Issues.Host.Webhooks;

/// <summary><c>Owlmetry-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 over "&lt;t&gt;.&lt;body&gt;"&gt;</c>, keyed with the webhook's secret.</summary>
public static class WebhookSignature
{
    public const string HeaderName = "Owlmetry-Signature";

    public static string Create(string secret, long unixSeconds, string body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>A new random secret for a webhook created without one.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
