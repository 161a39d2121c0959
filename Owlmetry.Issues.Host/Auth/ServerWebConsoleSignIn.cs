using Microsoft.Extensions.Options;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.WebConsole;

namespace Owlmetry.Issues.Host.Auth;

/// <summary>The console's login form checks credentials exactly as <c>POST /v1/auth/login</c> does, and keeps its token.</summary>
internal sealed class ServerWebConsoleSignIn(DirectoryService directory, IOptions<AuthOptions> options, TimeProvider timeProvider) : IWebConsoleSignIn
{
    public async Task<IssueResult<WebConsoleSession>> SignInAsync(string? email, string? password, CancellationToken ct = default)
    {
        var login = await directory.LoginAsync(email, password, ct);
        return login.IsSuccess
            ? new WebConsoleSession(login.Value.Token, timeProvider.GetUtcNow().Add(options.Value.TokenLifetime))
            : login.Error;
    }
}
