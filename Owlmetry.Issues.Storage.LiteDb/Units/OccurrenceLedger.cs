using Owlmetry.Issues.Storage.LiteDb.Documents;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// The counted occurrences of one group, as session → user, with how many of them each user has: what a merge
/// needs to find duplicate sessions and to count an issue's occurrences and users without reading its documents.
/// Excluded occurrences (see <see cref="OccurrenceGroupDocument.ExcludedSessions"/>) are not in it.
/// </summary>
internal sealed class OccurrenceLedger
{
    private readonly Dictionary<Guid, string?> _userOfSession = [];
    private readonly Dictionary<string, int> _occurrencesOfUser = new(StringComparer.Ordinal);

    public int Count => _userOfSession.Count;

    public IEnumerable<Guid> Sessions => _userOfSession.Keys;

    public IEnumerable<string> Users => _occurrencesOfUser.Keys;

    public bool HasSession(Guid session) => _userOfSession.ContainsKey(session);

    public bool HasUser(string user) => _occurrencesOfUser.ContainsKey(user);

    public void Add(Guid session, string? user)
    {
        if (_userOfSession.TryAdd(session, user) && user is not null)
        {
            CountUser(user, +1);
        }
    }

    public void Remove(Guid session)
    {
        if (_userOfSession.Remove(session, out var user) && user is not null)
        {
            CountUser(user, -1);
        }
    }

    private void CountUser(string user, int change)
    {
        var count = _occurrencesOfUser.GetValueOrDefault(user) + change;
        if (count > 0)
        {
            _occurrencesOfUser[user] = count;
        }
        else
        {
            _occurrencesOfUser.Remove(user);
        }
    }
}
