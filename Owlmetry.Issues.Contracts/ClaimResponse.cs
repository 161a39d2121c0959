namespace Owlmetry.Issues.Contracts;

/// <summary>Who holds a work lease on an issue, and until when.</summary>
/// <param name="HolderKind"><c>user</c> or <c>agent</c>.</param>
/// <param name="HolderId">The user id or the API key id of the holder.</param>
/// <param name="HolderName">The user's or the key's name.</param>
/// <param name="ClaimedAt">When the holder took the claim.</param>
/// <param name="ExpiresAt">When the claim lapses unless the holder renews it.</param>
public sealed record ClaimResponse(string HolderKind, Guid HolderId, string HolderName, DateTimeOffset ClaimedAt, DateTimeOffset ExpiresAt);
