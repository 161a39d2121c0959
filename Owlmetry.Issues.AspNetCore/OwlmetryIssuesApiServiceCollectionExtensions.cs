using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RequestDecompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Owlmetry Issues API in an ASP.NET Core application.</summary>
public static class OwlmetryIssuesApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds what the Issues API's endpoints need: the issue library (in-memory storage unless the application chose
    /// other storage; calling <c>AddOwlmetryIssues</c> as well is harmless), the API's JSON conventions, RFC 9457
    /// problems with an <c>error</c> member, the exception handler, checked request decompression and the
    /// <see cref="OwlmetryIssuesApiOptions.AuthorizationPolicyName"/> policy on the application's authentication scheme.
    /// Map the routes with <c>app.MapOwlmetryIssues("/v1")</c>, and register an
    /// <see cref="Owlmetry.Issues.AspNetCore.Auth.IActorResolver"/> that maps the application's users to actors.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Names the authentication scheme and rate-limiting policies.</param>
    /// <returns>A builder exposing the services.</returns>
    public static IOwlmetryIssuesApiBuilder AddOwlmetryIssuesApi(this IServiceCollection services, Action<OwlmetryIssuesApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OwlmetryIssuesApiOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddOwlmetryIssues();
        services.Configure<JsonOptions>(o =>
        {
            IssuesJson.Configure(o.SerializerOptions);
            o.SerializerOptions.Converters.Add(new CheckedJsonElementConverter());
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(NulRefusingBodies.Modify);
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ErrorResponses.AddErrorMember);
        services.AddExceptionHandler<OwlmetryExceptionHandler>();
        // Ahead of the framework's default, which a host that chose its own keeps.
        services.TryAddSingleton<IRequestDecompressionProvider, CheckedRequestDecompression>();
        services.AddRequestDecompression(CheckedDecompressionProvider.WrapAll);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddAuthorization();
        services.AddOptions<Microsoft.AspNetCore.Authorization.AuthorizationOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<OwlmetryIssuesApiOptions>>((authorization, api) =>
                authorization.AddPolicy(OwlmetryIssuesApiOptions.AuthorizationPolicyName, policy =>
                {
                    if (api.Value.AuthenticationScheme is { } scheme)
                    {
                        policy.AddAuthenticationSchemes(scheme);
                    }

                    policy.RequireAuthenticatedUser();
                }));
        return new OwlmetryIssuesApiBuilder(services);
    }
}
