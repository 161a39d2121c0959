namespace Owlmetry.Issues.Scanning;

/// <summary>The statuses of a <see cref="ScanRun"/>.</summary>
internal static class ScanRunStatus
{
    /// <summary>Started, not finished.</summary>
    public const string Running = "running";

    /// <summary>Finished; its result is set.</summary>
    public const string Completed = "completed";

    /// <summary>Stopped by an error; nothing of the failed batch was kept.</summary>
    public const string Failed = "failed";
}
