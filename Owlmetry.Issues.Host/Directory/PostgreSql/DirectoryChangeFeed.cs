using Microsoft.Extensions.Logging;
using Npgsql;
using Owlmetry.Issues.Host.Storage.PostgreSql;

namespace Owlmetry.Issues.Host.Directory.PostgreSql;

/// <summary>
/// Counts the directory's changes on this schema, made by any server: every directory write notifies
/// <see cref="Channel"/> in its transaction (delivered at its commit), and this feed listens on a connection of its
/// own. A lookup read while <see cref="Generation"/> stayed the same and the feed was listening is still the database's
/// answer; after a change, or while the feed is not listening (before its first <c>LISTEN</c>, after the connection
/// dropped), nothing read earlier may be served.
/// </summary>
internal sealed partial class DirectoryChangeFeed(HostDatabase database, ILogger logger) : IDisposable
{
    /// <summary>The notification channel of every schema's directory; the payload names the schema that changed.</summary>
    public const string Channel = "owlmetry_directory";

    // A silently dropped connection delivers nothing: the feed proves its connection alive this often.
    private static readonly TimeSpan s_keepAlive = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_retry = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _startGate = new();
    private Task? _listening;
    private long _generation;
    private volatile bool _isListening;
    private int? _listenerProcessId;

    /// <summary>Moves on at every change of the directory, and whenever the feed starts or stops listening.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Whether changes made now would be heard.</summary>
    public bool IsListening => _isListening;

    /// <summary>The PostgreSQL backend of the listening connection, while there is one.</summary>
    public int? ListenerProcessId => _listenerProcessId;

    /// <summary>Starts listening unless already started.</summary>
    public void EnsureStarted()
    {
        // Every lookup calls this: once started, no lock for the requests to contend on.
        if (Volatile.Read(ref _listening) is not null)
        {
            return;
        }

        lock (_startGate)
        {
            _listening ??= Task.Run(() => ListenAsync(_stop.Token));
        }
    }

    /// <summary>This server changed the directory: what was read before is stale here at once, without waiting for the notification.</summary>
    public void Changed() => Interlocked.Increment(ref _generation);

    /// <summary>Adds the notification of a change to <paramref name="connection"/>'s transaction.</summary>
    public Task NotifyAsync(NpgsqlConnection connection, CancellationToken ct) =>
        HostDatabase.ExecuteAsync(connection, $"SELECT pg_notify('{Channel}', $1)", ct, Param.Text(database.Schema));

    public void Dispose()
    {
        _stop.Cancel();
        Task? listening;
        lock (_startGate)
        {
            listening = _listening;
        }

        // The loop ends at the cancellation; waiting for it closes its connection before the data source goes.
        listening?.ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenDedicatedAsync(ct).ConfigureAwait(false);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload == database.Schema)
                    {
                        Changed();
                    }
                };
                await HostDatabase.ExecuteAsync(connection, $"LISTEN {Channel}", ct).ConfigureAwait(false);

                // Whatever changed before the LISTEN was not heard: what was read until now is dropped.
                Changed();
                _listenerProcessId = connection.ProcessID;
                _isListening = true;
                while (true)
                {
                    if (!await connection.WaitAsync(s_keepAlive, ct).ConfigureAwait(false))
                    {
                        await HostDatabase.ExecuteAsync(connection, "SELECT 1", ct).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is unreachable or the connection dropped: lookups read the database until the feed listens again.
                LogNotListening(logger, e);
            }
            finally
            {
                _isListening = false;
                _listenerProcessId = null;
                Changed();
            }

            try
            {
                await Task.Delay(s_retry, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening for directory changes; lookups read the database until listening resumes")]
    private static partial void LogNotListening(ILogger logger, Exception exception);
}
