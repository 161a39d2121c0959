namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// The application's routes, seen through <see cref="IssuesApiServices"/>, so that the API's endpoints read and write
/// the API's JSON without changing the application's (<c>JsonOptions</c> and <c>RouteHandlerOptions</c> are
/// application-wide settings, and the host's own endpoints keep theirs).
/// Two moments need it. At map time, the minimal API code (generated or not) takes the body's JSON options and
/// <c>ThrowOnBadRequest</c> from <see cref="IEndpointRouteBuilder.ServiceProvider"/>: a group mapped on this builder
/// passes it on to its endpoints. At request time, <c>Ok&lt;T&gt;</c> and <c>Created&lt;T&gt;</c> resolve their JSON
/// options from <see cref="HttpContext.RequestServices"/>: <see cref="WithIssuesApiServices"/>
/// lends the endpoint the same view of the request's services while it runs. Own result types would do the second
/// too, but would change the public <see cref="IssueResultHttpMapper"/> and every endpoint's signature. (Problems are
/// written by the application's <c>IProblemDetailsService</c>; their members are named by attributes, not by options.)
/// </summary>
internal sealed class IssuesApiEndpointRouteBuilder(IEndpointRouteBuilder application) : IEndpointRouteBuilder
{
    public IServiceProvider ServiceProvider { get; } = new IssuesApiServices(application.ServiceProvider);

    public ICollection<EndpointDataSource> DataSources => application.DataSources;

    public IApplicationBuilder CreateApplicationBuilder() => application.CreateApplicationBuilder();

    /// <summary>Runs <paramref name="endpoint"/> with the request's services seen through <see cref="IssuesApiServices"/>.</summary>
    public static RequestDelegate WithIssuesApiServices(RequestDelegate endpoint) => async context =>
    {
        var services = context.RequestServices;
        context.RequestServices = new IssuesApiServices(services);
        try
        {
            await endpoint(context);
        }
        finally
        {
            context.RequestServices = services;
        }
    };
}
