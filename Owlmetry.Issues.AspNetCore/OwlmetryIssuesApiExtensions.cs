using Carter;
using Microsoft.AspNetCore.Http.Json;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.AspNetCore.Modules;

namespace Owlmetry.Issues.Host;

/// <summary>
/// The embeddable <c>/v1</c> Issues API: an ASP.NET Core application adds it with
/// <see cref="AddOwlmetryIssuesApi"/> and <see cref="MapOwlmetryIssuesApi"/>, next to <c>AddOwlmetryIssues()</c>
/// with the storage of its choice, and maps its own users to actors with an <see cref="IActorResolver"/>.
/// </summary>
public static class OwlmetryApi
{
    public const string PolicyName = "OwlmetryIssues";

    /// <summary>The modules of the embeddable Issues API; the server adds its own beside them.</summary>
    public static IReadOnlyList<Type> ModuleTypes { get; } = [typeof(IssuesModule), typeof(IssueCommentsModule)];

    public static IServiceCollection AddOwlmetryIssuesApi(this IServiceCollection services, Action<OwlmetryApiOptions>? configure = null)
    {
        var options = new OwlmetryApiOptions();
        configure?.Invoke(options);

        services.Configure<JsonOptions>(o =>
        {
            IssuesJson.Configure(o.SerializerOptions);
            o.SerializerOptions.Converters.Add(new CheckedJsonElementConverter());
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ErrorResponses.AddErrorMember);
        services.AddExceptionHandler<OwlmetryExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddAuthorization(o => o.AddPolicy(PolicyName, policy => policy
            .AddAuthenticationSchemes(options.AuthenticationScheme)
            .RequireAuthenticatedUser()));
        services.AddCarter(
            new DependencyContextAssemblyCatalog([typeof(OwlmetryApi).Assembly]),
            c => c.WithModules([.. ModuleTypes]).WithEmptyValidators().WithEmptyResponseNegotiators());
        return services;
    }

    /// <summary>Maps every registered module; call after <c>UseAuthentication</c> and <c>UseAuthorization</c>.</summary>
    public static IEndpointRouteBuilder MapOwlmetryIssuesApi(this IEndpointRouteBuilder app) => app.MapCarter();
}
