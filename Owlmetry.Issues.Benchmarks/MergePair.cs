using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>Two seeded issues to merge, and how many sessions they share.</summary>
internal sealed record MergePair(Issue Target, Issue Source, int Shared);
