using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Host.Directory;

public sealed partial class DirectoryService
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>A new random password of 24 characters (about 140 bits), as the first-start bootstrap gives the owner.</summary>
    public static string NewRandomPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 24);

    /// <summary>
    /// The caller changes their own password, proving the current one. Every token issued before stops working (their
    /// stamp changes with the hash), so the answer carries a new token, as a login's does.
    /// </summary>
    public async Task<IssueResult<LoginResult>> ChangePasswordAsync(Actor actor, ChangePasswordRequest? body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.User)
        {
            return IssueError.Forbidden("Only users can change their password");
        }

        if (string.IsNullOrEmpty(body?.CurrentPassword) || body.CurrentPassword.Length > DirectoryInput.MaxPasswordLength)
        {
            return IssueError.Invalid($"current_password is required (at most {DirectoryInput.MaxPasswordLength} characters)");
        }

        var password = DirectoryInput.Password(body.NewPassword);
        if (!password.IsSuccess)
        {
            return IssueError.Invalid(password.Error.Message.Replace("password", "new_password", StringComparison.Ordinal));
        }

        if (await store.FindUserAsync(actor.Id, ct) is not { } user)
        {
            return IssueError.NotFound("User not found");
        }

        if (passwords.VerifyHashedPassword(user, user.PasswordHash, body.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            return IssueError.Forbidden("Current password is incorrect");
        }

        var changed = await SetPasswordAsync(user, password.Value, ct);
        return changed is null ? IssueError.NotFound("User not found") : new LoginResult(tokens.Issue(changed), await SessionOfAsync(changed, ct));
    }

    /// <summary>
    /// An owner or admin gives a member of their team a new random password. Only someone who administers every team
    /// of that user may (and only an owner where the user is an owner): an admin of one team must not take over an
    /// account that holds more in another. One's own password is changed with the current one instead.
    /// </summary>
    public async Task<IssueResult<PasswordReset>> ResetPasswordAsync(Actor actor, Guid teamId, Guid userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.User)
        {
            return IssueError.Forbidden("Only users can reset passwords");
        }

        if (await FindVisibleTeamAsync(actor, teamId, ct) is null)
        {
            return s_teamNotFound;
        }

        if (await FindMemberAsync(teamId, userId, ct) is not { } member)
        {
            return s_memberNotFound;
        }

        if (!actor.IsTeamAdmin(teamId))
        {
            return IssueError.Forbidden("Only team owners and admins can reset passwords");
        }

        if (userId == actor.Id)
        {
            return IssueError.Invalid("Change your own password with POST /v1/auth/password and your current password");
        }

        foreach (var membership in await store.ListMembershipsOfUserAsync(userId, ct))
        {
            if (!actor.IsTeamAdmin(membership.TeamId))
            {
                return IssueError.Forbidden("Only someone who administers every team of this user can reset their password");
            }

            if (membership.Role == TeamRole.Owner && actor.Teams[membership.TeamId] != TeamRole.Owner)
            {
                return IssueError.Forbidden("Only owners can reset an owner's password");
            }
        }

        var password = NewRandomPassword();
        var changed = await SetPasswordAsync(member.User, password, ct);
        return changed is null ? s_memberNotFound : new PasswordReset(changed, password);
    }

    private async Task<User?> SetPasswordAsync(User user, string password, CancellationToken ct)
    {
        var hash = passwords.HashPassword(user, password);
        return await store.SetPasswordHashAsync(user.Id, hash, ct) ? user with { PasswordHash = hash } : null;
    }
}
