using Owlmetry.Issues.Access;
using Owlmetry.Issues.Services;

namespace Owlmetry.Issues.Domain;

/// <summary>
/// A work lease on an issue: who is working on it and until when. Taken, renewed and released through
/// <see cref="IIssueService"/>; it is not a status. A claim whose <see cref="ExpiresAt"/> has passed has lapsed and
/// counts as no claim.
/// </summary>
/// <param name="HolderKind">Whether a user or an agent key holds the claim.</param>
/// <param name="HolderId">The user id or the API key id of the holder.</param>
/// <param name="HolderName">The user's or the key's name when the claim was taken.</param>
/// <param name="ClaimedAt">When the holder took the claim.</param>
/// <param name="ExpiresAt">When the claim lapses unless the holder renews it.</param>
public sealed record IssueClaim(ActorKind HolderKind, Guid HolderId, string HolderName, DateTimeOffset ClaimedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Whether the claim still holds at <paramref name="now"/>: it lapses when <see cref="ExpiresAt"/> is reached.</summary>
    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt > now;
}
