using Microsoft.Extensions.Options;
using Owlmetry.Issues.Client;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="OwlmetryIssuesClient"/> as a typed <see cref="HttpClient"/> client.</summary>
public static class OwlmetryIssuesClientServiceCollectionExtensions
{
    /// <summary>The name of the retry pipeline on the client's handler chain.</summary>
    public const string RetryPipelineName = "owlmetry-safe-retry";

    /// <summary>
    /// Registers <see cref="OwlmetryIssuesClient"/> through <c>IHttpClientFactory</c>, with its options, the bearer
    /// credential on every request to the base address's origin (and to no other), redirects answered rather than
    /// followed, answers read up to <see cref="OwlmetryIssuesClientOptions.MaxResponseSize"/>, and a retry of the
    /// requests that are safe to repeat (see <see cref="OwlmetryIssuesClientOptions.MaxRetryAttempts"/>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the server address and the credential.</param>
    /// <returns>The client's <see cref="IHttpClientBuilder"/>, for handlers of your own (a proxy, logging, a test server).</returns>
    public static IHttpClientBuilder AddOwlmetryIssuesClient(this IServiceCollection services, Action<OwlmetryIssuesClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OwlmetryIssuesClientOptions>()
            .Configure(configure)
            .Validate(o => o.BaseAddress is { IsAbsoluteUri: true }, "OwlmetryIssuesClientOptions.BaseAddress must be an absolute URI (e.g. http://localhost:4000).")
            .Validate(
                o => o.MaxRetryAttempts >= 0 && o.RetryDelay >= TimeSpan.Zero && o.MaxRetryAfter >= TimeSpan.Zero,
                "OwlmetryIssuesClientOptions: MaxRetryAttempts, RetryDelay and MaxRetryAfter must not be negative.")
            .Validate(o => o.Timeout > TimeSpan.Zero || o.Timeout == System.Threading.Timeout.InfiniteTimeSpan, "OwlmetryIssuesClientOptions.Timeout must be positive (or infinite).")
            .Validate(o => o.MaxResponseSize is > 0 and <= int.MaxValue, "OwlmetryIssuesClientOptions.MaxResponseSize must be 1 to 2147483647 bytes (2 GiB).")
            .ValidateOnStart();

        var builder = services.AddHttpClient(nameof(OwlmetryIssuesClient), (provider, http) =>
        {
            var options = OptionsOf(provider);
            http.BaseAddress = WithTrailingSlash(options.BaseAddress!);
            http.Timeout = options.Timeout;
        });
        // Made here rather than by the factory's activator, for the client to read answers up to the options' bound.
        builder.AddTypedClient((http, provider) => new OwlmetryIssuesClient(http, OptionsOf(provider).MaxResponseSize));
        // A redirect is answered as a refusal naming where it points: followed, a POST would turn into a GET, and an
        // http-to-https move would arrive without the credential and read as "Invalid credentials".
        builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.AddHttpMessageHandler(provider => new BearerCredentialHandler(OptionsOf(provider).ApiKey, OptionsOf(provider).BaseAddress!));
        builder.AddResilienceHandler(RetryPipelineName, (pipeline, context) =>
            pipeline.AddRetry(SafeRetry.Options(OptionsOf(context.ServiceProvider))));
        return builder;
    }

    private static OwlmetryIssuesClientOptions OptionsOf(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<OwlmetryIssuesClientOptions>>().Value;

    // Relative paths resolve under the base address only when it ends in '/': http://host/owlmetry + v1/issues would
    // otherwise drop the last segment.
    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
