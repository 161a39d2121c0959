namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// The ledgers of occurrence groups, kept in memory between units so that merging a large issue costs its
/// duplicates and groups, not its occurrences. A group's ledger is read from its keys in the user index when a merge
/// needs it, or once its issue has <see cref="LargeIssue"/> occurrences, and from then on kept current by the
/// occurrence writes. Only write units use it, one at a time behind the store's gate; a unit that does not commit drops
/// every ledger it touched, to be read again from the file.
/// </summary>
internal sealed class OccurrenceLedgers(int capacity)
{
    /// <summary>About 40 MiB of ledgers: past it, the ledgers the last unit did not touch are dropped.</summary>
    public const int DefaultCapacity = 1_000_000;

    /// <summary>
    /// From this many occurrences an issue's ledgers stay loaded: reading them takes a few milliseconds below it,
    /// and keeping every issue's would cost the server memory in proportion to all its occurrences.
    /// </summary>
    public const int LargeIssue = 1_000;

    private readonly Dictionary<Guid, OccurrenceLedger> _byGroup = [];
    private readonly Dictionary<Guid, int> _countAtTouch = [];
    private long _entries;

    /// <summary>The group's ledger if it is loaded, else null: the caller asks the file instead.</summary>
    public OccurrenceLedger? Loaded(Guid group)
    {
        if (!_byGroup.TryGetValue(group, out var ledger))
        {
            return null;
        }

        _countAtTouch.TryAdd(group, ledger.Count);
        return ledger;
    }

    /// <summary>The group's ledger, read by <paramref name="read"/> if it is not loaded.</summary>
    public OccurrenceLedger Load(Guid group, Func<OccurrenceLedger> read)
    {
        if (Loaded(group) is { } loaded)
        {
            return loaded;
        }

        var ledger = read();
        _byGroup.Add(group, ledger);
        _entries += ledger.Count;
        _countAtTouch.Add(group, ledger.Count);
        return ledger;
    }

    /// <summary>Keeps what the unit changed, and drops the untouched ledgers once there are more entries than the capacity.</summary>
    public void Committed()
    {
        foreach (var (group, countAtTouch) in _countAtTouch)
        {
            _entries += _byGroup[group].Count - countAtTouch;
        }

        if (_entries > capacity)
        {
            foreach (var group in _byGroup.Keys.Where(group => !_countAtTouch.ContainsKey(group)).ToList())
            {
                Drop(group);
            }
        }

        _countAtTouch.Clear();
    }

    /// <summary>Drops every ledger the unit touched: they may hold changes the file does not.</summary>
    public void Abandoned()
    {
        foreach (var (group, countAtTouch) in _countAtTouch)
        {
            _entries -= countAtTouch;
            _byGroup.Remove(group);
        }

        _countAtTouch.Clear();
    }

    private void Drop(Guid group)
    {
        _entries -= _byGroup[group].Count;
        _byGroup.Remove(group);
    }
}
