using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Host.Observability;
using Owlmetry.Issues.Host.Webhooks.LiteDb;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;

namespace Owlmetry.Issues.Host.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// The team webhooks of CONTRACT §9: their store (the server's PostgreSQL one when it registered it, else beside the
    /// issues: LiteDB when the issues are, or in memory),
    /// the notification handler that fans notifications out to them, and the background sender.
    /// </summary>
    public static IIssuesBuilder AddWebhooks(this IIssuesBuilder issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var services = issues.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName)
            .Validate(o => o.MaxPerTeam >= 1, "Webhooks:MaxPerTeam must be at least 1.")
            .Validate(o => o.MaxAttempts >= 1, "Webhooks:MaxAttempts must be at least 1.")
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero, "Webhooks:FirstRetryDelay must be positive.")
            .Validate(o => o.AttemptTimeout >= TimeSpan.FromMilliseconds(10), "Webhooks:AttemptTimeout must be at least 10 ms.")
            .Validate(o => o.MaxConcurrentDeliveries >= 1, "Webhooks:MaxConcurrentDeliveries must be at least 1.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Webhooks:PollInterval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IWebhookStore>(sp => MeasuredIssueStore.Beneath(sp.GetRequiredService<IIssueStore>()) is LiteDbIssueStore liteDb
            ? new LiteDbWebhookStore(liteDb)
            : new InMemoryWebhookStore());
        services.TryAddSingleton<WebhookSignal>();
        services.TryAddSingleton<WebhookUrlPolicy>();
        services.TryAddSingleton<WebhookService>();
        services.TryAddSingleton<OwlmetryServerMetrics>();
        services.TryAddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDeliveryService>();
        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value));
        return issues.AddNotificationHandler<WebhookNotificationHandler>();
    }

    // The URL was checked at creation, but a name can resolve elsewhere later: the address is checked again on
    // every connection, and redirects are not followed (they could lead anywhere).
    private static SocketsHttpHandler CreateHandler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = options.AllowPrivateNetworks ? addresses : addresses.Where(a => !NetworkAddresses.IsPrivate(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"Webhook host '{context.DnsEndPoint.Host}' has no address outside private networks.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
