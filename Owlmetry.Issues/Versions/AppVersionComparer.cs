namespace Owlmetry.Issues.Versions;

/// <summary>
/// Orders app version strings the way the issue scan decides regressions: newer versions compare greater.
/// </summary>
/// <remarks>
/// <para>
/// Each version is read as follows: trim; drop one leading <c>v</c>/<c>V</c>; drop one trailing parenthesised
/// build (<c>1.2.3 (456)</c> → <c>1.2.3</c>); drop <c>+metadata</c>; split off a pre-release at the first
/// <c>-</c>. The dot segments of the rest are compared left to right, a missing segment counting as <c>0</c>.
/// Two all-digit segments compare numerically at any length; otherwise segments compare in ordinal order,
/// except that two segments that both start with digits compare by that leading number first and then
/// ordinally by what follows (so <c>3a</c> &lt; <c>4</c> &lt; <c>10</c>). Plain ordinal order there would
/// not be transitive (<c>2</c> &lt; <c>10</c> &lt; <c>1a</c> &lt; <c>2</c>).
/// </para>
/// <para>
/// When the segments are equal, a version without a pre-release is greater than one with a pre-release
/// (any <c>-</c>, even with nothing after it). Two pre-releases compare by semantic-versioning identifier
/// rules: dot-separated identifiers left to right, all-digit identifiers numerically, numeric below
/// alphanumeric, other identifiers ordinally, and a shorter list of otherwise equal identifiers lower.
/// </para>
/// <para>
/// Digits are ASCII <c>0</c>–<c>9</c> only. A <see langword="null"/>, empty or whitespace-only version
/// is lower than every other version and equal to any other such value. Any other text, however
/// malformed, is ordered by the same rules, so the order is total and comparing never throws. Versions
/// that differ only in ignored parts (<c>1.2</c>, <c>v1.2.0</c>, <c>1.2.00+abc</c>) compare equal.
/// </para>
/// </remarks>
internal sealed class AppVersionComparer : IComparer<string?>
{
    private AppVersionComparer()
    {
    }

    /// <summary>The shared instance; the comparer holds no state.</summary>
    public static AppVersionComparer Instance { get; } = new();

    /// <summary>Whether <paramref name="candidate"/> is a strictly newer version than <paramref name="baseline"/>.</summary>
    /// <param name="candidate">The version to test, e.g. the app version of a new occurrence.</param>
    /// <param name="baseline">The version to test against, e.g. an issue's resolved-at version.</param>
    /// <returns><see langword="false"/> when either version is null or blank, since nothing is known then.</returns>
    public static bool IsNewer(string? candidate, string? baseline) =>
        !string.IsNullOrWhiteSpace(candidate)
        && !string.IsNullOrWhiteSpace(baseline)
        && Instance.Compare(candidate, baseline) > 0;

    /// <summary>Compares two app versions.</summary>
    /// <returns>Negative when <paramref name="x"/> is older, zero when equal, positive when newer.</returns>
    public int Compare(string? x, string? y)
    {
        var xBlank = string.IsNullOrWhiteSpace(x);
        var yBlank = string.IsNullOrWhiteSpace(y);
        if (xBlank || yBlank)
        {
            return yBlank.CompareTo(xBlank);
        }

        var left = VersionParts.Parse(x);
        var right = VersionParts.Parse(y);
        var byCore = VersionSegments.CompareCores(left.Core, right.Core);
        if (byCore != 0)
        {
            return byCore;
        }

        if (left.HasPreRelease != right.HasPreRelease)
        {
            return left.HasPreRelease ? -1 : 1;
        }

        return left.HasPreRelease ? VersionSegments.ComparePreReleases(left.PreRelease, right.PreRelease) : 0;
    }
}
