namespace Owlmetry.Issues.Host.Backups;

/// <summary>One file of a backup: its path inside the backup (with <c>/</c>), its size and its SHA-256 (lowercase hex).</summary>
public sealed record BackupFileEntry(string Path, long Size, string Sha256);
