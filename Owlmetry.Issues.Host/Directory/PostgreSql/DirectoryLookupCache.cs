using System.Collections.Concurrent;

namespace Owlmetry.Issues.Host.Directory.PostgreSql;

/// <summary>
/// The records every request looks up (its key, user, project and app, the projects of its teams), kept between requests while the
/// <see cref="DirectoryChangeFeed"/> says nothing changed, so that a request does not wait for the database for them.
/// Only records found are kept: a record created on another server is found at once. A change on any server empties the
/// cache when its notification arrives (on this server, at once), so a revoked key is refused from then on.
/// </summary>
internal sealed class DirectoryLookupCache(DirectoryChangeFeed feed)
{
    // Bounds memory; past it, lookups read the database until the next change empties the cache.
    private const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private Entries _entries = new(-1);

    /// <summary>The feed of changes that empties this cache.</summary>
    public DirectoryChangeFeed Changes => feed;

    /// <summary>The record kept under (<paramref name="kind"/>, <paramref name="key"/>), or what <paramref name="read"/> finds.</summary>
    public async Task<T?> GetOrReadAsync<T>(string kind, string key, Func<Task<T?>> read)
        where T : class
    {
        feed.EnsureStarted();
        var generation = feed.Generation;
        if (!feed.IsListening)
        {
            return await read().ConfigureAwait(false);
        }

        var entries = EntriesOf(generation);
        if (entries.Records.TryGetValue((kind, key), out var kept))
        {
            return (T)kept;
        }

        var found = await read().ConfigureAwait(false);

        // Kept only if nothing changed while it was read: a change heard meanwhile may be newer than the row read.
        if (found is not null && feed.IsListening && feed.Generation == generation && entries.Records.Count < Capacity)
        {
            entries.Records.TryAdd((kind, key), found);
        }

        return found;
    }

    private Entries EntriesOf(long generation)
    {
        lock (_gate)
        {
            if (_entries.Generation < generation)
            {
                _entries = new Entries(generation);
            }

            // A lookup that began before a change gets a set of its own, never kept: the newer set stays.
            return _entries.Generation == generation ? _entries : new Entries(generation);
        }
    }

    private sealed record Entries(long Generation)
    {
        public ConcurrentDictionary<(string Kind, string Key), object> Records { get; } = new();
    }
}
