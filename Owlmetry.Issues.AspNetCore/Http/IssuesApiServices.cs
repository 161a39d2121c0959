using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// The application's services as the API's endpoints see them: the API's own JSON options and, for the framework's
/// bad-request handling, <see cref="RouteHandlerOptions.ThrowOnBadRequest"/> (its exceptions become the API's problems
/// in <see cref="OwlmetryExceptionHandler"/>); everything else is the application's. Keyed services are passed on too:
/// the framework casts providers to <see cref="IKeyedServiceProvider"/> for <c>[FromKeyedServices]</c> parameters.
/// </summary>
internal sealed class IssuesApiServices(IServiceProvider services) : IKeyedServiceProvider
{
    private static readonly IOptions<JsonOptions> s_json = Microsoft.Extensions.Options.Options.Create(IssuesApiJson.Options);
    private static readonly IOptions<RouteHandlerOptions> s_routeHandler =
        Microsoft.Extensions.Options.Options.Create(new RouteHandlerOptions { ThrowOnBadRequest = true });

    public object? GetService(Type serviceType) =>
        serviceType == typeof(IOptions<JsonOptions>) ? s_json
        : serviceType == typeof(IOptions<RouteHandlerOptions>) ? s_routeHandler
        : services.GetService(serviceType);

    public object? GetKeyedService(Type serviceType, object? serviceKey) => services.GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) => services.GetRequiredKeyedService(serviceType, serviceKey);
}
