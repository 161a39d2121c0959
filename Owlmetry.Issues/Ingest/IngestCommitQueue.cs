using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Ingest;

/// <summary>
/// Group commit for ingest: batches that arrive while a unit of work is running wait together and are stored in
/// the next single unit (one commit, one durable sync), in arrival order. Each caller is completed only after the
/// unit holding its batch committed, so its events are durable when it returns. Duplicate client event ids are
/// dropped across the coalesced batches exactly as across separate units, and each batch gets its own result.
/// When a coalesced unit fails, its batches are retried one unit each, so one batch's failure never fails another.
/// </summary>
internal sealed class IngestCommitQueue(IIssueStore store)
{
    /// <summary>Bounds one unit: 20 full batches, so a unit holds the store's writer only briefly.</summary>
    internal const int MaxEventsPerUnit = 2_000;

    private readonly Lock _lock = new();
    private readonly Queue<PendingBatch> _pending = new();
    private bool _draining;

    /// <summary>Stores <paramref name="valid"/> in the next unit of work; cancellation only applies while it waits.</summary>
    /// <returns>The events kept (duplicates dropped), error events with their sequence, once durable.</returns>
    public async Task<IReadOnlyList<AcceptedEvent>> StoreAsync(IReadOnlyList<AcceptedEvent> valid, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var batch = new PendingBatch(valid);
        bool lead;
        lock (_lock)
        {
            _pending.Enqueue(batch);
            lead = !_draining;
            _draining = true;
        }

        if (lead)
        {
            // The caller that finds the queue idle commits the first group itself (no thread hop for a lone caller)
            // and hands later groups to the thread pool, so that its own answer is not held back by others.
            await CommitNextGroupAsync().ConfigureAwait(false);
            if (ContinueDraining())
            {
                _ = Task.Run(DrainAsync, CancellationToken.None);
            }
        }

        using (ct.CanBeCanceled ? ct.Register(() => Cancel(batch, ct)) : default)
        {
            return await batch.Completion.Task.ConfigureAwait(false);
        }
    }

    private async Task DrainAsync()
    {
        do
        {
            await CommitNextGroupAsync().ConfigureAwait(false);
        }
        while (ContinueDraining());
    }

    /// <returns>True when more batches wait (the caller keeps the drain); false when the queue is idle again.</returns>
    private bool ContinueDraining()
    {
        lock (_lock)
        {
            _draining = _pending.Count > 0;
            return _draining;
        }
    }

    private void Cancel(PendingBatch batch, CancellationToken ct)
    {
        lock (_lock)
        {
            // Once a unit took the batch, it runs to completion: the caller then gets the durable result.
            if (!batch.Taken)
            {
                batch.Completion.TrySetCanceled(ct);
            }
        }
    }

    private List<PendingBatch> TakeGroup()
    {
        var group = new List<PendingBatch>();
        var events = 0;
        lock (_lock)
        {
            while (_pending.TryPeek(out var next) && (group.Count == 0 || events + next.Events.Count <= MaxEventsPerUnit))
            {
                _pending.Dequeue();
                if (next.Completion.Task.IsCompleted)
                {
                    continue;
                }

                next.Taken = true;
                events += next.Events.Count;
                group.Add(next);
            }
        }

        return group;
    }

    private async Task CommitNextGroupAsync()
    {
        var group = TakeGroup();
        if (group.Count == 0)
        {
            return;
        }

        try
        {
            var results = await store.WriteAsync(writer => StoreAsync(writer, [.. group.Select(b => b.Events)]), CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception) when (group.Count > 1)
        {
            // The whole unit rolled back: each batch gets a unit of its own, and only a failing one fails.
            foreach (var batch in group)
            {
                await CommitAloneAsync(batch).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            group[0].Completion.TrySetException(exception);
        }
    }

    private async Task CommitAloneAsync(PendingBatch batch)
    {
        try
        {
            batch.Completion.TrySetResult((await store.WriteAsync(writer => StoreAsync(writer, [batch.Events]), CancellationToken.None).ConfigureAwait(false))[0]);
        }
        catch (Exception exception)
        {
            batch.Completion.TrySetException(exception);
        }
    }

    private static async ValueTask<List<IReadOnlyList<AcceptedEvent>>> StoreAsync(IIssueStoreWriter writer, IReadOnlyList<IReadOnlyList<AcceptedEvent>> batches)
    {
        // Which client event ids each app already has, asked once for the whole unit; ids kept by this unit are added
        // as it goes, so a duplicate later in the unit (same batch or a coalesced one) is dropped too.
        var known = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var app in batches.SelectMany(b => b)
            .Where(e => e.Event.ClientEventId is not null)
            .GroupBy(e => e.Event.AppId, e => e.Event.ClientEventId!.Value))
        {
            known[app.Key] = [.. await writer.FindClientEventsAsync(app.Key, app.ToList()).ConfigureAwait(false)];
        }

        var kept = new List<List<AcceptedEvent>>(batches.Count);
        var errors = new List<ErrorEvent>();
        foreach (var valid in batches)
        {
            var accepted = new List<AcceptedEvent>(valid.Count);
            foreach (var candidate in valid)
            {
                if (candidate.Event.ClientEventId is { } clientEventId && !known[candidate.Event.AppId].Add(clientEventId))
                {
                    continue;
                }

                if (candidate.Level == EventRules.ErrorLevel)
                {
                    errors.Add(candidate.Event);
                }

                accepted.Add(candidate);
            }

            kept.Add(accepted);
        }

        // Sequences follow arrival order: batch by batch, event by event.
        var sequences = await writer.AppendEventsAsync(errors).ConfigureAwait(false);
        var next = 0;
        var stored = new List<IReadOnlyList<AcceptedEvent>>(kept.Count);
        var clientEvents = new List<AcceptedClientEvent>();
        foreach (var accepted in kept)
        {
            for (var i = 0; i < accepted.Count; i++)
            {
                long? sequence = accepted[i].Level == EventRules.ErrorLevel ? sequences[next++] : null;
                if (sequence is { } assigned)
                {
                    accepted[i] = accepted[i] with { Event = accepted[i].Event with { Sequence = assigned } };
                }

                if (accepted[i].Event.ClientEventId is { } clientEventId)
                {
                    clientEvents.Add(new AcceptedClientEvent(accepted[i].Event.AppId, clientEventId, sequence));
                }
            }

            stored.Add(accepted);
        }

        // Recorded with their events' sequences, which is how a later attachment reservation finds its event.
        await writer.RecordClientEventsAsync(clientEvents).ConfigureAwait(false);
        return stored;
    }

    private sealed class PendingBatch(IReadOnlyList<AcceptedEvent> events)
    {
        public IReadOnlyList<AcceptedEvent> Events { get; } = events;

        public TaskCompletionSource<IReadOnlyList<AcceptedEvent>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set under the queue's lock when a unit takes the batch; from then on it cannot be cancelled.</summary>
        public bool Taken { get; set; }
    }
}
