namespace Owlmetry.Issues.Lifecycle;

/// <summary>What moves an issue between statuses. The last two are fired only by the scan.</summary>
internal enum IssueTrigger
{
    Reopen,
    StartProgress,
    Resolve,
    Silence,
    Snooze,
    Regress,
    Wake,
}
