using Microsoft.AspNetCore.Mvc;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.AspNetCore.Modules;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Owlmetry Issues API's routes.</summary>
public static class OwlmetryIssuesEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Issues API under <paramref name="prefix"/>: issues and the team issue list, status changes, merges,
    /// comments, event and attachment ingest, attachments, stored events and scan jobs. Call it after
    /// <c>UseAuthentication</c> and <c>UseAuthorization</c> (and <c>UseRequestDecompression</c> for compressed bodies);
    /// the services come from <c>AddOwlmetryIssuesApi</c>. A JSON body may hold 256 KiB (ingest's 1 MiB), counted after
    /// decompression; an attachment's upload is limited by its reserved size. The endpoints read and write the API's JSON
    /// whatever the application's <c>JsonOptions</c> say. The API is mapped once per application.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="prefix">The path the API lives under; the Owlmetry clients expect <c>/v1</c>.</param>
    /// <returns>The route group, for conventions of the host (OpenAPI metadata, CORS, more problems).</returns>
    /// <exception cref="InvalidOperationException">The services of <c>AddOwlmetryIssuesApi</c> or an <see cref="IActorResolver"/>
    /// are not registered, <see cref="OwlmetryIssuesApiOptions.AuthenticationScheme"/> names no registered scheme, or the
    /// API is mapped already.</exception>
    public static RouteGroupBuilder MapOwlmetryIssues(this IEndpointRouteBuilder endpoints, string prefix = "/v1")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var registration = endpoints.ServiceProvider.GetService<IssuesApiRegistration>()
            ?? throw new InvalidOperationException(
                "MapOwlmetryIssues needs the Issues API's services: call services.AddOwlmetryIssuesApi(…) when building the application.");
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(IActorResolver)) != true)
        {
            throw new InvalidOperationException(
                "The Issues API needs to know who calls it: register an IActorResolver that maps your users to actors: services.AddSingleton<IActorResolver, …>().");
        }

        AuthenticationSchemeCheck.ThrowIfUnregistered(endpoints.ServiceProvider);

        if (registration.MappedPrefix is { } earlier)
        {
            throw new InvalidOperationException(
                $"The Issues API is mapped already, under '{earlier}': MapOwlmetryIssues maps it once per application (its endpoint names are unique).");
        }

        registration.MappedPrefix = prefix;
        var group = new IssuesApiEndpointRouteBuilder(endpoints).MapGroup(prefix)
            .WithMetadata(new IssuesApiPrefix(prefix), new RequestSizeLimitAttribute(OwlmetryIssuesApiOptions.MaxJsonBodyBytes))
            .DisableCookieRedirect();
        // A final convention: it runs once the request delegate is built.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
            endpoint.RequestDelegate = endpoint.RequestDelegate is { } handler ? IssuesApiEndpointRouteBuilder.WithIssuesApiServices(handler) : null);
        foreach (var module in IssuesApiModules.All)
        {
            module.AddRoutes(group);
        }

        return group;
    }
}
