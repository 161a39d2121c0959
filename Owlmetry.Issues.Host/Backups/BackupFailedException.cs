namespace Owlmetry.Issues.Host.Backups;

/// <summary>A backup that could not be taken for a reason the operator can act on; its message says which.</summary>
internal sealed class BackupFailedException(string message) : Exception(message);
