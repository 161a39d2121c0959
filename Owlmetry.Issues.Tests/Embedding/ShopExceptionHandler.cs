using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Owlmetry.Issues.Tests.Embedding;

/// <summary>The embedding application's own exception handler, registered after the Issues API's: it answers every exception it is given.</summary>
internal sealed class ShopExceptionHandler : IExceptionHandler
{
    public const string Apology = "The shop is sorry";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await httpContext.Response.WriteAsync(Apology, cancellationToken);
        return true;
    }
}
