using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>
/// Which webhook URLs are accepted (CONTRACT §9): absolute http(s), and — unless private networks are allowed — a
/// host that neither is nor resolves to a private address. The sender checks the address again when it connects,
/// since a name may resolve elsewhere later.
/// </summary>
public sealed class WebhookUrlPolicy(IOptions<WebhookOptions> options)
{
    public const int MaxUrlLength = 2048;

    /// <summary>The longest DNS name (RFC 1035); the resolver refuses a longer one outright.</summary>
    private const int MaxHostLength = 253;

    public async Task<IssueResult<Uri>> ValidateAsync(string? url, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return IssueError.Invalid("url is required");
        }

        if (url.Length > MaxUrlLength)
        {
            return IssueError.Invalid($"url must be at most {MaxUrlLength} characters");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            return IssueError.Invalid("url must be an absolute http or https URL");
        }

        if (uri.IdnHost.Length > MaxHostLength)
        {
            return IssueError.Invalid($"url host must be at most {MaxHostLength} characters");
        }

        if (options.Value.AllowPrivateNetworks)
        {
            return uri;
        }

        var addresses = await ResolveAsync(uri, ct);
        if (addresses.Length == 0)
        {
            return IssueError.Invalid("url host could not be resolved");
        }

        return addresses.Any(NetworkAddresses.IsPrivate)
            ? IssueError.Invalid("url must not point to a loopback, private or link-local address")
            : uri;
    }

    private static async Task<IPAddress[]> ResolveAsync(Uri uri, CancellationToken ct)
    {
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        try
        {
            return await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return [];
        }
    }
}
