namespace Owlmetry.Issues.Fingerprinting;

/// <summary>The grouping key of an error event and the title an issue created for it would get.</summary>
/// <param name="Hash">The lowercase hex SHA-256 fingerprint.</param>
/// <param name="Title">A human readable title for an issue grouped by this fingerprint.</param>
public readonly record struct Fingerprint(string Hash, string Title);
