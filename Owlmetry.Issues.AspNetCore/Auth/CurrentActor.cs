namespace Owlmetry.Issues.AspNetCore.Auth;

/// <summary>
/// The caller of an endpoint as an endpoint parameter. Endpoints that take it sit behind the authorization
/// policy, so the principal is authenticated by the time it binds.
/// </summary>
public sealed record CurrentActor(Actor Actor)
{
    public static async ValueTask<CurrentActor?> BindAsync(HttpContext context)
    {
        var resolver = context.RequestServices.GetRequiredService<IActorResolver>();
        var actor = await resolver.ResolveAsync(context.User, context.RequestAborted);
        if (actor is null)
        {
            throw new UnauthenticatedException();
        }

        return new CurrentActor(actor);
    }
}
