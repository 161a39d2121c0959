using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.RequestDecompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.AspNetCore.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Owlmetry Issues API in an ASP.NET Core application.</summary>
public static class OwlmetryIssuesApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds what the Issues API's endpoints need: the issue library (in-memory storage unless the application chose
    /// other storage; calling <c>AddOwlmetryIssues</c> as well is harmless), RFC 9457 problems with an <c>error</c>
    /// member and the exception handler for the API's endpoints, status code pages that give the API's answers without
    /// a body (a challenge's 401, the routing's 405 under its prefix) that problem, checked request decompression and
    /// the <see cref="OwlmetryIssuesApiOptions.AuthorizationPolicyName"/> policy on the application's authentication
    /// scheme. The application's own JSON options, problems, exception handling and status codes are left as they are:
    /// the API's endpoints bring their own (see <see cref="ApplyToWholeApplication"/> for an application that wants the
    /// API's everywhere).
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
        services.TryAddSingleton<IssuesApiRegistration>();
        services.AddProblemDetails(o =>
        {
            var hosts = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = context =>
            {
                hosts?.Invoke(context);
                if (IssuesApiScope.Covers(context.HttpContext))
                {
                    ErrorResponses.AddErrorMember(context);
                }
            };
        });
        services.AddExceptionHandler<OwlmetryExceptionHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, IssuesApiStatusCodePages>());
        // Ahead of the framework's default, which a host that chose its own keeps.
        services.TryAddSingleton<IRequestDecompressionProvider, CheckedRequestDecompression>();
        services.AddRequestDecompression(CheckedDecompressionProvider.WrapAll);
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

    /// <summary>
    /// Makes the API's conventions the whole application's, for an application whose own routes belong to the same API
    /// (the Owlmetry server's directory routes): its JSON (snake_case, UTC timestamps, the checks of bodies) in the
    /// application's <c>JsonOptions</c>, <c>ThrowOnBadRequest</c>, and the API's problems with <c>error</c>, its
    /// exception handler and its status code pages for every request.
    /// </summary>
    /// <param name="builder">What <c>AddOwlmetryIssuesApi</c> returned.</param>
    /// <returns>The same builder.</returns>
    public static IOwlmetryIssuesApiBuilder ApplyToWholeApplication(this IOwlmetryIssuesApiBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.ConfigureHttpJsonOptions(o => IssuesApiJson.Configure(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.TryAddSingleton<WholeApplicationConventions>();
        return builder;
    }
}
