using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.AspNetCore.Auth;

/// <summary>
/// The caller of an endpoint as an endpoint parameter, made by the registered <see cref="IActorResolver"/>. Endpoints
/// that take it sit behind the authorization policy, so the principal is authenticated by the time it binds; a
/// principal the resolver refuses is answered 401.
/// </summary>
/// <param name="Actor">Who calls, with their teams and permissions.</param>
public sealed record CurrentActor(Actor Actor)
{
    /// <summary>Binds the parameter from the request's principal (minimal APIs call it).</summary>
    /// <param name="context">The request.</param>
    /// <returns>The caller.</returns>
    /// <exception cref="UnauthenticatedException">The resolver made no actor of the principal.</exception>
    public static async ValueTask<CurrentActor?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var resolver = context.RequestServices.GetRequiredService<IActorResolver>();
        var actor = await resolver.ResolveAsync(context.User, context.RequestAborted).ConfigureAwait(false);
        return actor is null ? throw new UnauthenticatedException() : new CurrentActor(actor);
    }
}
