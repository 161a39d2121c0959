using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage;

/// <summary>
/// A list's condition on the issues' claims at <see cref="Now"/>: a claim is live while its expiry is after
/// <see cref="Now"/>, and one that lapsed stays stored until the issue is claimed or released, so a store compares the
/// stored expiry with <see cref="Now"/>. Either issues with a live claim (<see cref="IsClaimed"/>), of one holder when
/// <see cref="HolderId"/> is set, or issues with none.
/// </summary>
public sealed record IssueClaimCondition
{
    private IssueClaimCondition(bool isClaimed, DateTimeOffset now, ActorKind? holderKind, Guid? holderId)
    {
        IsClaimed = isClaimed;
        Now = now;
        HolderKind = holderKind;
        HolderId = holderId;
    }

    /// <summary>Whether the issues kept have a live claim; otherwise they have none.</summary>
    public bool IsClaimed { get; }

    /// <summary>The time the claims' expiries are compared with.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The kind of the one holder whose claims are kept (set with <see cref="HolderId"/>), else null.</summary>
    public ActorKind? HolderKind { get; }

    /// <summary>The id of the one holder whose claims are kept (set with <see cref="HolderKind"/>), else null.</summary>
    public Guid? HolderId { get; }

    /// <summary>Issues with a live claim of the <paramref name="holderKind"/> with id <paramref name="holderId"/>.</summary>
    /// <returns>The condition.</returns>
    public static IssueClaimCondition ClaimedBy(ActorKind holderKind, Guid holderId, DateTimeOffset now) => new(true, now, holderKind, holderId);

    /// <summary>Issues with a live claim, whoever holds it.</summary>
    /// <returns>The condition.</returns>
    public static IssueClaimCondition Claimed(DateTimeOffset now) => new(true, now, null, null);

    /// <summary>Issues with no live claim: never claimed, released, or lapsed.</summary>
    /// <returns>The condition.</returns>
    public static IssueClaimCondition Unclaimed(DateTimeOffset now) => new(false, now, null, null);

    /// <summary>Whether <paramref name="issue"/> meets the condition.</summary>
    public bool Matches(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return issue.Claim is { } claim && claim.IsActiveAt(Now)
            ? IsClaimed && (HolderId is not { } holderId || (claim.HolderId == holderId && claim.HolderKind == HolderKind))
            : !IsClaimed;
    }
}
