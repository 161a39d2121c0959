namespace Owlmetry.Issues.Scanning;

/// <summary>A unit's events grouped into parts, and the bursts still open at its end, which the next unit's events may join.</summary>
internal sealed record ScanPlan(IReadOnlyList<ScanPart> Parts, OpenBursts Open);
