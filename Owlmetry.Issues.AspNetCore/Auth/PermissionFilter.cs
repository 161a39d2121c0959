using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.AspNetCore.Auth;

/// <summary>
/// A route's permission, checked once the request is bound and before its handler validates the query or body: a key
/// without it gets 403 <c>Missing permission: …</c> rather than the input's 400, as the reference's
/// <c>requirePermission</c> pre-handler answers. Binding comes first, so a body that is not JSON, or whose members
/// have the wrong JSON types, is still a 400 (the reference, too, parses JSON before its pre-handler, but has no types to
/// check). The library checks the permission again; this only orders the refusals. Users hold every permission, as in
/// the reference.
/// </summary>
internal static class PermissionFilter
{
    public static RouteHandlerBuilder RequiresPermission(this RouteHandlerBuilder route, string permission) =>
        route.AddEndpointFilter(async (context, next) =>
            context.Arguments.OfType<CurrentActor>().FirstOrDefault() is { } caller && !caller.Actor.Has(permission)
                ? IssueError.MissingPermission(permission).ToProblem()
                : await next(context).ConfigureAwait(false));
}
