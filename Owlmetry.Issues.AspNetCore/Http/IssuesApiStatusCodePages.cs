using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// The API's answer to a status code that comes without a body (the host's authentication challenging, a forbid, a
/// rate limiter's refusal, the routing's 404 and 405 under the API's prefix): its problem with <c>error</c>, as the
/// Owlmetry server answers them, so a client reads the same errors whichever application serves the API. These answers
/// come from middleware ahead of the API's endpoints, which a route group cannot reach, so the framework's status code
/// pages are put ahead of the application's pipeline by a startup filter; they write for
/// <see cref="IssuesApiScope.CoversStatusCode"/> only, and leave the host's own routes' answers as they are. Status
/// code pages of the host's own come later in its pipeline, so they answer first.
/// </summary>
internal sealed class IssuesApiStatusCodePages : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseStatusCodePages(WriteAsync);
        next(app);
    };

    private static Task WriteAsync(StatusCodeContext context)
    {
        if (!IssuesApiScope.CoversStatusCode(context.HttpContext))
        {
            return Task.CompletedTask;
        }

        // A cookie scheme's challenge or forbid on an API endpoint answers 401/403 but still names its login or
        // access-denied page; the API's clients have no page to go to.
        context.HttpContext.Response.Headers.Location = default;
        return ErrorResponses.WriteStatusCodePageAsync(context);
    }
}
