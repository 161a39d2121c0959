using System.Globalization;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Claims;

/// <summary>
/// The rules of work leases: how long a claim lasts, when it has lapsed, and who may take, renew or release it. Pure:
/// the caller reads the clock and stores the result. A claim is advisory, between cooperating agents: it keeps the
/// issue out of others' claims (of the next issue, or of that issue) and guards its own renewal and release; it does not
/// lock the issue against status changes, comments or merges. A refusal is therefore a conflict with the holder (409),
/// not a forbidden (403): the caller may act on the issue, only not on someone else's lease.
/// </summary>
internal static class ClaimRules
{
    /// <summary>The length of a claim when the caller gives none.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(15);

    /// <summary>The shortest claim accepted.</summary>
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(30);

    /// <summary>The longest claim accepted.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>The requested duration, or the default; a duration outside the bounds is invalid and names them.</summary>
    public static IssueResult<TimeSpan> Duration(TimeSpan? requested) =>
        requested is not { } duration ? DefaultDuration
        : duration < MinDuration || duration > MaxDuration
            ? IssueError.Invalid($"duration_seconds must be between {(int)MinDuration.TotalSeconds} and {(int)MaxDuration.TotalSeconds}")
            : duration;

    /// <summary>The claim of <paramref name="issue"/> if it still holds at <paramref name="now"/>, else null.</summary>
    public static IssueClaim? Active(Issue issue, DateTimeOffset now) =>
        issue.Claim is { } claim && claim.IsActiveAt(now) ? claim : null;

    /// <summary>The issue as callers see it at <paramref name="now"/>: a lapsed claim is shown as none.</summary>
    public static Issue Visible(Issue issue, DateTimeOffset now) =>
        issue.Claim is not null && Active(issue, now) is null ? issue with { Claim = null } : issue;

    /// <summary>Whether <paramref name="actor"/> is the holder of <paramref name="claim"/>: the same kind and id.</summary>
    public static bool IsHeldBy(IssueClaim claim, Actor actor) => IsHeldBy(claim, actor.Kind, actor.Id);

    /// <summary>A new claim of <paramref name="issue"/> by <paramref name="actor"/> from <paramref name="now"/>.</summary>
    public static Issue Claim(Issue issue, Actor actor, DateTimeOffset now, TimeSpan duration) =>
        issue with { Claim = new IssueClaim(actor.Kind, actor.Id, actor.Name, now, now + duration) };

    /// <summary>
    /// Claims <paramref name="issue"/> for <paramref name="actor"/>: a new claim from <paramref name="now"/> when nobody
    /// holds it (never claimed, released or lapsed), the actor's own claim extended when it holds the issue already, and
    /// a conflict naming the holder when someone else does.
    /// </summary>
    public static IssueResult<Issue> ClaimOrExtend(Issue issue, Actor actor, DateTimeOffset now, TimeSpan duration) =>
        Active(issue, now) is { } claim ? Extend(issue, claim, actor, now, duration) : Claim(issue, actor, now, duration);

    /// <summary>
    /// Extends the holder's active claim to <paramref name="now"/> plus <paramref name="duration"/>; a claim that lapsed
    /// or was released is a conflict, so that the holder learns that others could have taken the issue meanwhile.
    /// </summary>
    public static IssueResult<Issue> Renew(Issue issue, Actor actor, DateTimeOffset now, TimeSpan duration) =>
        Active(issue, now) is { } claim
            ? Extend(issue, claim, actor, now, duration)
            : IssueError.Conflict("Issue is not claimed (the claim lapsed or was released); claim it again");

    /// <summary>
    /// Removes the claim when <paramref name="actor"/> holds it or is an owner or admin of <paramref name="teamId"/>, the
    /// project's team, as they may delete anyone's comment: so that a lease left by a key or a user who can no longer
    /// release it does not keep the issue out of the queue until it lapses. An issue nobody holds is released already.
    /// </summary>
    public static IssueResult<Issue> Release(Issue issue, Actor actor, Guid teamId, DateTimeOffset now) =>
        Active(issue, now) is { } claim && !IsHeldBy(claim, actor) && !actor.IsTeamAdmin(teamId) ? HeldByOther(claim) : issue with { Claim = null };

    /// <summary>
    /// Whether <paramref name="claim"/>, lapsed or not, is held by the <paramref name="holderKind"/> with id
    /// <paramref name="holderId"/>: the claims that end when that key is revoked or that user leaves the team.
    /// </summary>
    public static bool IsHeldBy(IssueClaim claim, ActorKind holderKind, Guid holderId) => claim.HolderKind == holderKind && claim.HolderId == holderId;

    private static IssueResult<Issue> Extend(Issue issue, IssueClaim claim, Actor actor, DateTimeOffset now, TimeSpan duration) =>
        IsHeldBy(claim, actor) ? issue with { Claim = claim with { ExpiresAt = now + duration } } : HeldByOther(claim);

    private static IssueError HeldByOther(IssueClaim claim) => IssueError.Conflict(
        $"Issue is claimed by {claim.HolderKind.ToWireName()} '{claim.HolderName}' ({claim.HolderId}) until "
        + claim.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
