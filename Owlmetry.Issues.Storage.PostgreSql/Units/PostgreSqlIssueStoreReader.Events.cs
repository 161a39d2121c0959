using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

internal partial class PostgreSqlIssueStoreReader
{
    public async ValueTask<ErrorEvent?> FindEventAsync(Guid eventId) =>
        await Unit.QuerySingleAsync($"SELECT {EventRows.Columns} FROM events WHERE id = $1", EventRows.Read, Param.Id(eventId)).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<ErrorEvent>> ListEventsAsync(EventListFilter filter, EventOrder order, KeysetKey? after, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (take <= 0 || filter.ProjectIds.Count == 0)
        {
            return [];
        }

        return await Unit.QueryAsync(ListQueries.Events(filter, order, after, take), EventRows.Read).ConfigureAwait(false);
    }
}
