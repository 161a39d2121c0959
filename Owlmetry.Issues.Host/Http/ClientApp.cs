using System.Security.Claims;
using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.AspNetCore.Auth;

namespace Owlmetry.Issues.Host.Http;

/// <summary>The app a client key is bound to, read from its <c>owl_app</c> claim.</summary>
public static class ClientApp
{
    public static Guid? Of(ClaimsPrincipal principal, Actor actor) =>
        actor.Kind == ActorKind.Client && Guid.TryParse(principal.FindFirstValue(OwlmetryClaims.App), out var appId) ? appId : null;
}
