using Microsoft.AspNetCore.Diagnostics;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Host.Http;

/// <summary>A directory write that lost a race to a unique name or email is a 409, ahead of the Issues API's handler.</summary>
internal sealed class DirectoryConflictExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DirectoryConflictException)
        {
            return false;
        }

        await ErrorResponses.WriteAsync(httpContext, IssueError.Conflict(exception.Message));
        return true;
    }
}
