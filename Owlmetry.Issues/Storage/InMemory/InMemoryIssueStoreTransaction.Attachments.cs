namespace Owlmetry.Issues.Storage.InMemory;

internal sealed partial class InMemoryIssueStoreTransaction
{
    public void DeleteAttachment(Guid attachmentId)
    {
        if (Data.Attachments.Remove(attachmentId, out var previous))
        {
            _undo.Push(() => Data.Attachments[attachmentId] = previous);
        }
    }

    public void RecordEventLanding(EventLanding landing)
    {
        ArgumentNullException.ThrowIfNull(landing);
        var key = (landing.AppId, landing.ClientEventId);
        var had = Data.EventLandings.TryGetValue(key, out var previous);
        Data.EventLandings[key] = landing;
        _undo.Push(had ? () => Data.EventLandings[key] = previous! : () => Data.EventLandings.Remove(key));
    }

    public int DeleteEventLandingsBefore(DateTimeOffset cutoff)
    {
        var doomed = Data.EventLandings.Where(pair => pair.Value.LandedAt < cutoff).ToList();
        foreach (var (key, landing) in doomed)
        {
            Data.EventLandings.Remove(key);
            _undo.Push(() => Data.EventLandings[key] = landing);
        }

        return doomed.Count;
    }
}
