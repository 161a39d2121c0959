using System.Globalization;

namespace Owlmetry.Issues.Tests.Crash;

/// <summary>
/// What the crash probe reported as committed before it was killed (<c>unit N kind …</c> lines): each of these
/// units returned from the store, so each must be in the file when it is reopened.
/// </summary>
internal sealed class ProbeLog
{
    public int Units { get; private set; }

    public List<(Guid IssueId, string[] Hashes)> Seeds { get; } = [];

    public List<(Guid Target, Guid Source)> Merges { get; } = [];

    public List<(Guid IssueId, Guid CommentId)> Comments { get; } = [];

    public List<Guid> ClientEventIds { get; } = [];

    public long ScanCheckpoint { get; private set; }

    /// <summary>Reads the probe's lines; only the very last may be cut short, by the kill, and it is then ignored.</summary>
    public static ProbeLog Parse(IReadOnlyList<string> lines)
    {
        var log = new ProbeLog();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!log.TryAdd(lines[i]) && i < lines.Count - 1)
            {
                throw new FormatException($"The probe printed an unreadable line {i + 1}: '{lines[i]}'");
            }
        }

        return log;
    }

    private bool TryAdd(string line)
    {
        var parts = line.Split(' ');
        if (line == "ready")
        {
            return true;
        }

        if (parts is not ["unit", var number, var kind, .. var rest] || !int.TryParse(number, CultureInfo.InvariantCulture, out var unit))
        {
            return false;
        }

        switch (kind, rest)
        {
            case ("seed", [var issue, var hashes]) when Guid.TryParse(issue, out var issueId) && hashes.Split(',').All(h => h.Length == 64):
                Seeds.Add((issueId, hashes.Split(',')));
                break;
            case ("merge", [var target, var source]) when Guid.TryParse(target, out var targetId) && Guid.TryParse(source, out var sourceId):
                Merges.Add((targetId, sourceId));
                break;
            case ("comment", [var issue, var comment]) when Guid.TryParse(issue, out var issueId) && Guid.TryParse(comment, out var commentId):
                Comments.Add((issueId, commentId));
                break;
            case ("status", [_, _]):
                break;
            case ("ingest", [var ids]) when ids.Split(',').All(id => Guid.TryParse(id, out _)):
                ClientEventIds.AddRange(ids.Split(',').Select(Guid.Parse));
                break;
            case ("scan", [var checkpoint]) when long.TryParse(checkpoint, CultureInfo.InvariantCulture, out var sequence):
                ScanCheckpoint = sequence;
                break;
            default:
                return false;
        }

        Units = unit;
        return true;
    }
}
