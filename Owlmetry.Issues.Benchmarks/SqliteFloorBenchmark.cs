using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>
/// The same occurrence rows as <see cref="EngineFloorBenchmark"/>, in SQLite instead of LiteDB, with no code of this
/// product: what another embedded B-tree engine would cost for the occurrence's shape. Bulk inserts of 5,000 rows per
/// transaction through one prepared statement, in memory and on a file (WAL with <c>synchronous=NORMAL</c>: a commit
/// survives a process crash, as the LiteDB store's default durability does), and the statements a merge needs when
/// (issue, session) is the key.
/// </summary>
/// <remarks>
/// The shapes: an increasing rowid only (the cheapest row SQLite stores); that plus the (issue, time, id) index of the
/// detail page (an occurrence whose uniqueness per session and user is kept outside the table); the (issue, session)
/// pair as the primary key of a table without rowid; that plus the (issue, time, id) index of the detail page; that plus the
/// (issue, user, session) index of unique users, the store's layout in binary keys.
/// </remarks>
internal sealed class SqliteFloorBenchmark(Report report, double scale)
{
    private const int RowsPerUnit = 5_000;
    private const int Issues = 2_000;
    private const int Users = 5_000;

    /// <summary>SQLite's default page cache is 2 MB; 64 MB is about what LiteDB holds for this data.</summary>
    private const string Settings = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;";

    private enum Shape
    {
        IncreasingKeyOnly,
        IncreasingKeyAndPageIndex,
        SessionKey,
        SessionKeyAndPageIndex,
        SessionKeyPageAndUserIndexes,
    }

    public void Run()
    {
        var folder = Directory.CreateTempSubdirectory("owlmetry-sqlite-floor-");
        try
        {
            var scanSized = Math.Max(RowsPerUnit * 4, (int)(200_000 * scale));
            var storeSized = Math.Max(RowsPerUnit * 4, (int)(1_000_000 * scale));
            report.Section($"SQLite {SqliteVersion()} alone: the same occurrence shapes (no code of ours)");
            foreach (var shape in Enum.GetValues<Shape>())
            {
                Insert(shape, scanSized, path: null);
            }

            Insert(Shape.SessionKeyPageAndUserIndexes, scanSized, Path.Combine(folder.FullName, "scan-sized.db"));
            Insert(Shape.SessionKeyPageAndUserIndexes, storeSized, Path.Combine(folder.FullName, "store-sized.db"));
            Insert(Shape.IncreasingKeyAndPageIndex, storeSized, Path.Combine(folder.FullName, "page-index-only.db"));
            Merge(mergeSize: Math.Max(1_000, (int)(10_000 * scale)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private void Insert(Shape shape, int total, string? path)
    {
        using var connection = Open(path);
        Execute(connection, Schema(shape));
        var issues = Enumerable.Range(0, Issues).Select(_ => Guid.NewGuid().ToByteArray()).ToArray();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO occurrences VALUES ($issue, $session, $user, $version, $event, $time, $time, $id)";
        var parameters = new[] { "$issue", "$session", "$user", "$version", "$event", "$time", "$id" }
            .ToDictionary(name => name, name => insert.Parameters.Add(new SqliteParameter { ParameterName = name }));
        var timing = new BulkInsertTiming(total, RowsPerUnit);
        foreach (var (start, count) in timing.Units)
        {
            var rows = Enumerable.Range(start, count)
                .Select(i => (Issue: issues[i % Issues], Session: Guid.NewGuid().ToByteArray(), User: Encoding.UTF8.GetBytes($"user-{i % Users}"), Event: Guid.NewGuid().ToByteArray(), Time: (long)i, Id: Guid.NewGuid().ToByteArray()))
                .ToList();
            timing.Time(start, () =>
            {
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                foreach (var row in rows)
                {
                    parameters["$issue"].Value = row.Issue;
                    parameters["$session"].Value = row.Session;
                    parameters["$user"].Value = row.User;
                    parameters["$version"].Value = "1.2.3";
                    parameters["$event"].Value = row.Event;
                    parameters["$time"].Value = row.Time;
                    parameters["$id"].Value = row.Id;
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
            });
        }

        timing.Report(report, $"SQLite bulk insert, {Describe(shape)}, {(path is null ? "in memory" : "on a file")}", "rows");
    }

    /// <summary>
    /// A merge when (issue, session) is the key: the source's rows whose session the target lacks are copied under the
    /// target, and the source's rows deleted, in one transaction. Two issues of <paramref name="mergeSize"/> rows
    /// sharing a tenth of their sessions, in memory, with the page and user indexes.
    /// </summary>
    private void Merge(int mergeSize)
    {
        var samples = new List<TimeSpan>();
        var cpu = TimeSpan.Zero;
        for (var round = 0; round < 5; round++)
        {
            using var connection = Open(path: null);
            Execute(connection, Schema(Shape.SessionKeyPageAndUserIndexes));
            var (target, source) = (Guid.NewGuid().ToByteArray(), Guid.NewGuid().ToByteArray());
            var shared = Enumerable.Range(0, mergeSize / 10).Select(_ => Guid.NewGuid().ToByteArray()).ToList();
            Seed(connection, target, [.. shared, .. Enumerable.Range(shared.Count, mergeSize - shared.Count).Select(_ => Guid.NewGuid().ToByteArray())]);
            Seed(connection, source, [.. shared, .. Enumerable.Range(shared.Count, mergeSize - shared.Count).Select(_ => Guid.NewGuid().ToByteArray())]);

            var cpuBefore = Stats.Cpu();
            var clock = Stopwatch.StartNew();
            using (var transaction = connection.BeginTransaction())
            using (var merge = connection.CreateCommand())
            {
                merge.Transaction = transaction;
                merge.CommandText = """
                    INSERT INTO occurrences
                    SELECT $target, s.session, s.user_key, s.app_version, s.event_id, s.timestamp, s.created_at, s.id
                    FROM occurrences s WHERE s.issue = $source
                    AND NOT EXISTS (SELECT 1 FROM occurrences t WHERE t.issue = $target AND t.session = s.session);
                    DELETE FROM occurrences WHERE issue = $source;
                    """;
                merge.Parameters.AddWithValue("$target", target);
                merge.Parameters.AddWithValue("$source", source);
                merge.ExecuteNonQuery();
                transaction.Commit();
            }

            samples.Add(clock.Elapsed);
            cpu += Stats.Cpu() - cpuBefore;
        }

        report.Row("SQLite merge floor: copy the source's new sessions under the target, delete the source, in memory",
            $"{mergeSize:N0} + {mergeSize:N0} rows, {mergeSize - (mergeSize / 10):N0} moved",
            $"{Stats.Percentiles(samples)}; CPU {cpu.TotalMilliseconds / samples.Count:0} ms per merge");
    }

    private static void Seed(SqliteConnection connection, byte[] issue, IReadOnlyList<byte[]> sessions)
    {
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO occurrences VALUES ($issue, $session, $user, '1.2.3', $id, $time, $time, $id)";
        insert.Parameters.AddWithValue("$issue", issue);
        var session = insert.Parameters.Add(new SqliteParameter { ParameterName = "$session" });
        var user = insert.Parameters.Add(new SqliteParameter { ParameterName = "$user" });
        var id = insert.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        var time = insert.Parameters.Add(new SqliteParameter { ParameterName = "$time" });
        for (var i = 0; i < sessions.Count; i++)
        {
            session.Value = sessions[i];
            user.Value = Encoding.UTF8.GetBytes($"user-{i % Users}");
            id.Value = Guid.NewGuid().ToByteArray();
            time.Value = (long)i;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static string Schema(Shape shape)
    {
        const string RowidTable = "CREATE TABLE occurrences (issue BLOB, session BLOB, user_key BLOB, app_version TEXT, event_id BLOB, timestamp INTEGER, created_at INTEGER, id BLOB);";
        const string SessionKeyedTable = "CREATE TABLE occurrences (issue BLOB NOT NULL, session BLOB NOT NULL, user_key BLOB NOT NULL, app_version TEXT, event_id BLOB, timestamp INTEGER, created_at INTEGER, id BLOB NOT NULL, PRIMARY KEY (issue, session)) WITHOUT ROWID;";
        const string PageIndex = "CREATE UNIQUE INDEX occurrence_page ON occurrences (issue, timestamp, id);";
        const string UserIndex = "CREATE INDEX occurrence_users ON occurrences (issue, user_key, session);";
        return shape switch
        {
            Shape.IncreasingKeyOnly => RowidTable,
            Shape.IncreasingKeyAndPageIndex => RowidTable + PageIndex,
            Shape.SessionKey => SessionKeyedTable,
            Shape.SessionKeyAndPageIndex => SessionKeyedTable + PageIndex,
            _ => SessionKeyedTable + PageIndex + UserIndex,
        };
    }

    private static SqliteConnection Open(string? path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path ?? ":memory:", Pooling = false }.ToString());
        connection.Open();
        Execute(connection, Settings);
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string SqliteVersion()
    {
        using var connection = Open(path: null);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    private static string Describe(Shape shape) => shape switch
    {
        Shape.IncreasingKeyOnly => "increasing rowid only",
        Shape.IncreasingKeyAndPageIndex => "increasing rowid + (issue, time, id) index",
        Shape.SessionKey => "key = (issue, session)",
        Shape.SessionKeyAndPageIndex => "key = (issue, session) + (issue, time, id) index",
        _ => "key = (issue, session) + (issue, time, id) + (issue, user, session) indexes",
    };
}
