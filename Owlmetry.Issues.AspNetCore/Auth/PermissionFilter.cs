using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.AspNetCore.Auth;

/// <summary>
/// A route's permission, checked once the request is bound and before its handler reads the query or body: a key
/// without it gets 403 <c>Missing permission: …</c> whatever else is wrong with the request, as the reference's
/// <c>requirePermission</c> pre-handler answers. The library checks the permission again; this only puts the refusal
/// ahead of the input's errors. Users hold every permission, as in the reference.
/// </summary>
internal static class PermissionFilter
{
    public static RouteHandlerBuilder RequiresPermission(this RouteHandlerBuilder route, string permission) =>
        route.AddEndpointFilter(async (context, next) =>
            context.Arguments.OfType<CurrentActor>().FirstOrDefault() is { } caller && !caller.Actor.Has(permission)
                ? IssueError.MissingPermission(permission).ToProblem()
                : await next(context).ConfigureAwait(false));
}
