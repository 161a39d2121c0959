namespace Owlmetry.Issues.Versions;

/// <summary>Segment and identifier comparisons behind <see cref="AppVersionComparer"/>.</summary>
internal static class VersionSegments
{
    private const string MissingSegment = "0";

    public static int CompareCores(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var leftParts = left.Split('.');
        var rightParts = right.Split('.');
        while (true)
        {
            var hasLeft = leftParts.MoveNext();
            var hasRight = rightParts.MoveNext();
            if (!hasLeft && !hasRight)
            {
                return 0;
            }

            var byPart = CompareCoreSegments(
                hasLeft ? left[leftParts.Current] : MissingSegment,
                hasRight ? right[rightParts.Current] : MissingSegment);
            if (byPart != 0)
            {
                return byPart;
            }
        }
    }

    public static int ComparePreReleases(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var leftParts = left.Split('.');
        var rightParts = right.Split('.');
        while (true)
        {
            var hasLeft = leftParts.MoveNext();
            var hasRight = rightParts.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }

            var byPart = CompareIdentifiers(left[leftParts.Current], right[rightParts.Current]);
            if (byPart != 0)
            {
                return byPart;
            }
        }
    }

    /// <summary>Compares two runs of ASCII digits by value, at any length.</summary>
    public static int CompareDigits(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        left = left.TrimStart('0');
        right = right.TrimStart('0');
        return left.Length != right.Length
            ? left.Length.CompareTo(right.Length)
            : left.SequenceCompareTo(right);
    }

    private static int CompareCoreSegments(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var leftDigits = LeadingDigitCount(left);
        var rightDigits = LeadingDigitCount(right);
        if (leftDigits == 0 || rightDigits == 0)
        {
            return left.SequenceCompareTo(right);
        }

        var byNumber = CompareDigits(left[..leftDigits], right[..rightDigits]);
        return byNumber != 0 ? byNumber : left[leftDigits..].SequenceCompareTo(right[rightDigits..]);
    }

    private static int CompareIdentifiers(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var leftNumeric = left.Length > 0 && LeadingDigitCount(left) == left.Length;
        var rightNumeric = right.Length > 0 && LeadingDigitCount(right) == right.Length;
        if (leftNumeric && rightNumeric)
        {
            return CompareDigits(left, right);
        }

        if (leftNumeric != rightNumeric)
        {
            return leftNumeric ? -1 : 1;
        }

        return left.SequenceCompareTo(right);
    }

    private static int LeadingDigitCount(ReadOnlySpan<char> segment)
    {
        var count = segment.IndexOfAnyExceptInRange('0', '9');
        return count < 0 ? segment.Length : count;
    }
}
