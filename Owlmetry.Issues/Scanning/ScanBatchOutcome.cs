using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Scanning;

/// <summary>What one scan batch did, with the issues it created, regressed and woke from snooze as they were written.</summary>
internal sealed record ScanBatchOutcome(
    ScanTally Tally, IReadOnlyList<Issue> Created, IReadOnlyList<Issue> Regressed, IReadOnlyList<Issue> Unsnoozed);
