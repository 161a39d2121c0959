using System.Diagnostics;
using LiteDB;
using LiteDB.Engine;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>
/// What LiteDB 5 itself costs, without any code of this product: plain <see cref="BsonDocument"/>s shaped like an
/// occurrence, inserted in bulk 5,000 per transaction, and the key rewrites a merge needs. Run in memory (no disk,
/// no sync) as well as on a file, so the figures are the engine's lower bound for each storage shape; the store's
/// own figures can only be above them.
/// </summary>
/// <remarks>
/// The shapes, from cheapest to today's: an increasing key only (the cheapest document LiteDB stores); that plus
/// the (issue, time, id) index of the detail page (uniqueness per session and user kept outside the engine); the
/// (issue, session) pair as a 32-byte <c>_id</c> (the leanest occurrence that keeps one occurrence per session
/// and issue a database rule); that plus a 40-byte (issue, time, id) index (the leanest that also serves the detail
/// page in order); and the store's shape (guid <c>_id</c> and three string keys, one of them for unique users).
/// </remarks>
internal sealed class EngineFloorBenchmark(Report report, double scale)
{
    private const int DocumentsPerUnit = 5_000;
    private const int Issues = 2_000;
    private const int Users = 5_000;

    private enum Shape
    {
        IncreasingKeyOnly,
        IncreasingKeyAndPageIndex,
        SessionKeyAsId,
        SessionKeyAsIdAndPageIndex,
        CompactKeys,
        StoreShape,
    }

    public void Run()
    {
        var folder = Directory.CreateTempSubdirectory("owlmetry-floor-");
        try
        {
            var scanSized = Math.Max(DocumentsPerUnit * 4, (int)(200_000 * scale));
            var storeSized = Math.Max(DocumentsPerUnit * 4, (int)(1_000_000 * scale));
            report.Section("LiteDB alone: the engine's floor for each occurrence shape (no code of ours)");
            foreach (var shape in Enum.GetValues<Shape>())
            {
                Insert(shape, scanSized, path: null);
            }

            Insert(Shape.StoreShape, scanSized, Path.Combine(folder.FullName, "store-shape.db"));
            Insert(Shape.CompactKeys, scanSized, Path.Combine(folder.FullName, "compact.db"));
            Insert(Shape.SessionKeyAsIdAndPageIndex, storeSized, path: null);
            Insert(Shape.IncreasingKeyAndPageIndex, storeSized, Path.Combine(folder.FullName, "page-index-only.db"));
            RekeyForMerge(mergeSize: Math.Max(1_000, (int)(10_000 * scale)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private void Insert(Shape shape, int total, string? path)
    {
        using var database = Open(path);
        var collection = Collection(database, shape);
        var issues = Enumerable.Range(0, Issues).Select(_ => Guid.NewGuid()).ToArray();
        var timing = new BulkInsertTiming(total, DocumentsPerUnit);
        foreach (var (start, count) in timing.Units)
        {
            var documents = Enumerable.Range(start, count)
                .Select(i => Occurrence(shape, issues[i % Issues], Guid.NewGuid(), i))
                .ToList();
            timing.Time(start, () =>
            {
                database.BeginTrans();
                collection.InsertBulk(documents);
                database.Commit();
            });
        }

        timing.Report(report, $"bulk insert, {Describe(shape)}, {(path is null ? "in memory" : "on a file")}", "documents");
    }

    /// <summary>
    /// The least a merge must write while one occurrence per (issue, session) is a unique key: every moved
    /// occurrence's key changes. Two issues of <paramref name="mergeSize"/> occurrences sharing a tenth of their
    /// sessions, in memory; the source's keys are rewritten in one transaction, once as an in-place update of a
    /// unique secondary key (nothing else indexed) and once as delete and insert where that key is the <c>_id</c>.
    /// </summary>
    private void RekeyForMerge(int mergeSize)
    {
        foreach (var keyIsId in new[] { false, true })
        {
            var samples = new List<TimeSpan>();
            var cpu = TimeSpan.Zero;
            for (var round = 0; round < 5; round++)
            {
                using var database = Open(path: null);
                var collection = database.GetCollection("occurrences");
                if (!keyIsId)
                {
                    collection.EnsureIndex("SessionKey", "$.SessionKey", unique: true);
                }

                var (target, source) = (Guid.NewGuid(), Guid.NewGuid());
                var shared = Enumerable.Range(0, mergeSize / 10).Select(_ => Guid.NewGuid()).ToList();
                var sourceSessions = shared.Concat(Enumerable.Range(shared.Count, mergeSize - shared.Count).Select(_ => Guid.NewGuid())).ToList();
                var targetSessions = shared.Concat(Enumerable.Range(shared.Count, mergeSize - shared.Count).Select(_ => Guid.NewGuid())).ToList();
                collection.InsertBulk(targetSessions.Select(s => MergeRow(target, s, keyIsId))
                    .Concat(sourceSessions.Select(s => MergeRow(source, s, keyIsId))));

                var moved = sourceSessions.Skip(shared.Count).ToList();
                var cpuBefore = Stats.Cpu();
                var clock = Stopwatch.StartNew();
                database.BeginTrans();
                if (keyIsId)
                {
                    var sourceKeys = new BsonArray(sourceSessions.Select(s => new BsonValue(Bytes(source.ToByteArray(), s.ToByteArray()))));
                    collection.DeleteMany(BsonExpression.Create("$._id IN @0", sourceKeys));
                    collection.InsertBulk(moved.Select(s => MergeRow(target, s, keyIsId: true)));
                }
                else
                {
                    collection.DeleteMany(BsonExpression.Create("$.SessionKey IN @0", new BsonArray(shared.Select(s => new BsonValue(SessionKey(source, s))))));
                    foreach (var session in moved)
                    {
                        collection.Update(MergeRow(target, session, keyIsId: false, id: SessionKey(source, session)));
                    }
                }

                database.Commit();
                samples.Add(clock.Elapsed);
                cpu += Stats.Cpu() - cpuBefore;
            }

            report.Row($"merge floor: re-key the source's occurrences ({(keyIsId ? "key is the _id: delete + insert" : "unique secondary key updated in place")}), in memory",
                $"{mergeSize:N0} + {mergeSize:N0} occurrences, {mergeSize - (mergeSize / 10):N0} moved",
                $"{Stats.Percentiles(samples)}; CPU {cpu.TotalMilliseconds / samples.Count:0} ms per merge");
        }
    }

    private static LiteDatabase Open(string? path) =>
        new(new LiteEngine(new EngineSettings
        {
            DataStream = path is null ? new MemoryStream() : null,
            Filename = path,
            Collation = Collation.Binary,
        }));

    private static ILiteCollection<BsonDocument> Collection(LiteDatabase database, Shape shape)
    {
        var collection = database.GetCollection("occurrences");
        switch (shape)
        {
            case Shape.IncreasingKeyAndPageIndex or Shape.SessionKeyAsIdAndPageIndex:
                collection.EnsureIndex("PageKey", "$.PageKey", unique: true);
                break;
            case Shape.CompactKeys:
                collection.EnsureIndex("PageKey", "$.PageKey", unique: true);
                collection.EnsureIndex("UserKey", "$.UserKey", unique: false);
                break;
            case Shape.StoreShape:
                collection.EnsureIndex("SessionKey", "$.SessionKey", unique: true);
                collection.EnsureIndex("PageKey", "$.PageKey", unique: true);
                collection.EnsureIndex("UserKey", "$.UserKey", unique: false);
                break;
        }

        return collection;
    }

    private static BsonDocument Occurrence(Shape shape, Guid issue, Guid session, int i)
    {
        var id = Guid.NewGuid();
        var user = $"user-{i % Users}";
        var document = new BsonDocument
        {
            ["IssueId"] = issue,
            ["SessionId"] = session,
            ["UserId"] = user,
            ["AppVersion"] = "1.2.3",
            ["EventId"] = Guid.NewGuid(),
            ["Timestamp"] = (long)i,
            ["CreatedAt"] = (long)i,
        };
        switch (shape)
        {
            case Shape.IncreasingKeyOnly:
                document["_id"] = (long)i + 1;
                break;
            case Shape.IncreasingKeyAndPageIndex:
                document["_id"] = (long)i + 1;
                document["Id"] = id;
                document["PageKey"] = Bytes(issue.ToByteArray(), BitConverter.GetBytes((long)i), id.ToByteArray());
                break;
            case Shape.SessionKeyAsId:
                document["_id"] = Bytes(issue.ToByteArray(), session.ToByteArray());
                document["Id"] = id;
                break;
            case Shape.SessionKeyAsIdAndPageIndex:
                document["_id"] = Bytes(issue.ToByteArray(), session.ToByteArray());
                document["Id"] = id;
                document["PageKey"] = Bytes(issue.ToByteArray(), BitConverter.GetBytes((long)i), id.ToByteArray());
                break;
            case Shape.CompactKeys:
                document["_id"] = Bytes(issue.ToByteArray(), session.ToByteArray());
                document["Id"] = id;
                document["PageKey"] = Bytes(issue.ToByteArray(), BitConverter.GetBytes((long)i), id.ToByteArray());
                document["UserKey"] = Bytes(issue.ToByteArray(), System.Text.Encoding.UTF8.GetBytes(user));
                break;
            case Shape.StoreShape:
                document["_id"] = id;
                document["SessionKey"] = SessionKey(issue, session);
                document["PageKey"] = $"{issue:N}|{i:x16}|{id:N}";
                document["UserKey"] = $"{issue:N}|u:{user}";
                break;
        }

        return document;
    }

    private static BsonDocument MergeRow(Guid issue, Guid session, bool keyIsId, string? id = null) => keyIsId
        ? new BsonDocument { ["_id"] = Bytes(issue.ToByteArray(), session.ToByteArray()), ["IssueId"] = issue, ["SessionId"] = session }
        : new BsonDocument { ["_id"] = id ?? SessionKey(issue, session), ["IssueId"] = issue, ["SessionId"] = session, ["SessionKey"] = SessionKey(issue, session) };

    private static string SessionKey(Guid issue, Guid session) => $"{issue:N}|{session:N}";

    private static byte[] Bytes(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static string Describe(Shape shape) => shape switch
    {
        Shape.IncreasingKeyOnly => "increasing _id only",
        Shape.IncreasingKeyAndPageIndex => "increasing _id + (issue, time, id) index",
        Shape.SessionKeyAsId => "_id = (issue, session) 32 bytes",
        Shape.SessionKeyAsIdAndPageIndex => "_id = (issue, session) + (issue, time, id) index",
        Shape.CompactKeys => "_id = (issue, session) + (issue, time, id) + (issue, user) binary indexes",
        _ => "store shape: guid _id + 3 string indexes",
    };
}
