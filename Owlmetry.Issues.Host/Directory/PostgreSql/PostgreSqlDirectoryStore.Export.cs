using Owlmetry.Issues.Host.Storage.PostgreSql;
using static Owlmetry.Issues.Host.Directory.PostgreSql.DirectoryRows;

namespace Owlmetry.Issues.Host.Directory.PostgreSql;

internal sealed partial class PostgreSqlDirectoryStore : IDirectoryStoreExport
{
    // One REPEATABLE READ transaction: the six lists are one state of the directory.
    public Task<DirectoryExport> ExportDirectoryAsync(CancellationToken ct = default) => database.ReadAsync(
        async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
            var export = new DirectoryExport(
                await HostDatabase.ListAsync(connection, $"SELECT {UserColumns} FROM {_s}.dir_users ORDER BY id", ToUser, ct).ConfigureAwait(false),
                await HostDatabase.ListAsync(connection, $"SELECT {TeamColumns} FROM {_s}.dir_teams ORDER BY id", ToTeam, ct).ConfigureAwait(false),
                await HostDatabase.ListAsync(connection, $"SELECT {MembershipColumns} FROM {_s}.dir_memberships ORDER BY team_id, created_at, seq", ToMembership, ct)
                    .ConfigureAwait(false),
                await HostDatabase.ListAsync(connection, $"SELECT {ProjectColumns} FROM {_s}.dir_projects ORDER BY team_id, created_at, seq", ToProject, ct)
                    .ConfigureAwait(false),
                await HostDatabase.ListAsync(connection, $"SELECT {AppColumns} FROM {_s}.dir_apps ORDER BY project_id, created_at, seq", ToApp, ct)
                    .ConfigureAwait(false),
                await HostDatabase.ListAsync(connection, $"SELECT {KeyColumns} FROM {_s}.dir_keys ORDER BY team_id, created_at, seq", ToKey, ct)
                    .ConfigureAwait(false));
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return export;
        },
        ct);
}
