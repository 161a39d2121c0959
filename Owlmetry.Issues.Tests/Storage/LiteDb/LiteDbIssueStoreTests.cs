using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;
using Owlmetry.Issues.Storage.LiteDb.Schema;
using Owlmetry.Issues.Storage.LiteDb.Units;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.LiteDb;

/// <summary>What only the LiteDB store has: a file, its lock, its schema and its query plans.</summary>
[TestFixture]
public sealed class LiteDbIssueStoreTests
{
    private TempFolder _folder = null!;
    private string _path = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = new TempFolder();
        _path = Path.Combine(_folder.Path, "data", "issues.db");
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void Constructor_FolderMissing_CreatesFolderAndFile()
    {
        using var store = new LiteDbIssueStore(_path);

        Assert.That(File.Exists(_path), Is.True, "the database file was not created in a new folder");
    }

    [Test]
    public void Constructor_NewFiles_AreOwnerOnly()
    {
        using var store = new LiteDbIssueStore(_path);

        var files = Directory.GetFiles(Path.GetDirectoryName(_path)!).Order().ToList();
        Assume.That(TempFolder.UnixModeOf(_path), Is.Not.Null, "no Unix file modes on this platform");
        Assert.That(files.Select(Path.GetFileName), Is.EqualTo(new[] { "issues-log.crc", "issues-log.db", "issues.db" }), "the open store's files");
        Assert.That(files.Select(f => TempFolder.UnixModeOf(f)), Has.All.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void Constructor_ExistingFiles_KeepTheirModes()
    {
        using (new LiteDbIssueStore(_path))
        {
        }

        // Written as an earlier version left them, or an operator chose.
        File.WriteAllBytes(Path.ChangeExtension(_path, null) + "-log.crc", []);
        File.WriteAllBytes(Path.ChangeExtension(_path, null) + "-log.db", []);

        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("no Unix file modes on this platform");
            return;
        }

        const UnixFileMode groupReads = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        var files = Directory.GetFiles(Path.GetDirectoryName(_path)!);
        foreach (var file in files)
        {
            File.SetUnixFileMode(file, groupReads);
        }

        using var reopened = new LiteDbIssueStore(_path);

        Assert.That(files.Select(f => TempFolder.UnixModeOf(f)), Has.All.EqualTo(groupReads), "an operator's choice of mode changed");
    }

    [Test]
    public void Constructor_FileOpenInAnotherStore_ThrowsIOExceptionNamingTheFile()
    {
        using var first = new LiteDbIssueStore(_path);

        Assert.That(() => new LiteDbIssueStore(_path), Throws.InstanceOf<IOException>().With.Message.Contains(_path));
    }

    [Test]
    public void Constructor_FileOpenInAStore_LiteDbItselfCannotOpenIt()
    {
        using var store = new LiteDbIssueStore(_path);

        Assert.That(() => new LiteDatabase($"Filename={_path};Connection=direct"), Throws.InstanceOf<IOException>(),
            "LiteDB opened a file the store holds: two engines on one file corrupt it");
    }

    [Test]
    public async Task Reopen_AfterMerges_KeepsEachGroupWithTheIssueThatAbsorbedIt()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var occurrences = new[] { first, second, third }.Select(issueId => new OccurrenceBuilder(issueId).Build()).ToList();
        using (var store = new LiteDbIssueStore(_path))
        {
            await store.WriteAsync(async writer =>
            {
                await writer.InsertOccurrencesAsync(occurrences);
                await writer.MergeOccurrencesAsync(first, second);
                return await writer.MergeOccurrencesAsync(second, third);
            });
        }

        using var reopened = new LiteDbIssueStore(_path);
        var stored = await reopened.ReadAsync(async reader => (
            Survivor: await reader.GetAllOccurrencesAsync(third), Merged: (await reader.GetAllOccurrencesAsync(first)).Concat(await reader.GetAllOccurrencesAsync(second)),
            Counts: await reader.CountOccurrencesByIssueAsync()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Survivor, Is.EquivalentTo(occurrences.Select(o => o with { IssueId = third })), "the survivor's occurrences after reopening");
            Assert.That(stored.Merged, Is.Empty, "merged-away issues have occurrences again after reopening");
            Assert.That(stored.Counts, Is.EquivalentTo(new Dictionary<Guid, int> { [third] = 3 }), "integrity counts after reopening");
        }
    }

    [Test]
    public async Task Dispose_ThenReopen_KeepsEveryCommittedUnit()
    {
        var issue = new IssueBuilder().WithAllFieldsSet().Build();
        var occurrence = new OccurrenceBuilder(issue.Id).Build();
        using (var store = new LiteDbIssueStore(_path))
        {
            await store.WriteAsync(async writer =>
            {
                await writer.InsertIssueAsync(issue);
                await writer.InsertOccurrenceAsync(occurrence);
                return true;
            });
        }

        using var reopened = new LiteDbIssueStore(_path);
        var stored = await reopened.ReadAsync(async reader => (Issue: await reader.FindIssueAsync(issue.Id), Occurrences: await reader.GetAllOccurrencesAsync(issue.Id)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Issue, Is.EqualTo(issue).UsingPropertiesComparer(), "issue after reopening");
            Assert.That(stored.Occurrences, Is.EqualTo(new[] { occurrence }), "occurrences after reopening");
        }
    }

    [Test]
    public void Dispose_Closed_RemovesTheEmptyLogFile()
    {
        var store = new LiteDbIssueStore(_path);

        store.Dispose();

        Assert.That(Directory.GetFiles(Path.GetDirectoryName(_path)!).Select(Path.GetFileName), Is.EqualTo(new[] { "issues.db" }));
    }

    [Test]
    public async Task ReadAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var store = new LiteDbIssueStore(_path);
        store.Dispose();
        store.Dispose();

        await Assert.ThatAsync(() => store.ReadAsync(reader => reader.FindIssueAsync(Guid.NewGuid())), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public async Task WriteDatabaseAsync_Committed_GetsWhatTheUnitReturned()
    {
        using var store = new LiteDbIssueStore(_path);
        BsonValue? committedId = null;

        var id = await store.WriteDatabaseAsync(
            db => db.GetCollection("host_notes").Insert(new BsonDocument { ["text"] = "first" }),
            inserted => committedId = inserted);

        Assert.That(committedId, Is.EqualTo(id), "the callback did not get what the unit returned");
        Assert.That(await store.ReadDatabaseAsync(db => db.GetCollection("host_notes").Count()), Is.EqualTo(1), "the unit was not committed");
    }

    [Test]
    public async Task WriteDatabaseAsync_UnitThrows_RollsBackWithoutCallingCommitted()
    {
        using var store = new LiteDbIssueStore(_path);
        var called = false;

        await Assert.ThatAsync(
            () => store.WriteDatabaseAsync<int>(
                db =>
                {
                    db.GetCollection("host_notes").Insert(new BsonDocument { ["text"] = "lost" });
                    throw new InvalidOperationException("the host's write failed");
                },
                _ => called = true),
            Throws.InvalidOperationException.With.Message.EqualTo("the host's write failed"));

        Assert.That(called, Is.False, "committed was called for a unit that rolled back");
        Assert.That(await store.ReadDatabaseAsync(db => db.GetCollection("host_notes").Count()), Is.Zero, "the failed unit's insert was kept");
    }

    [Test]
    public async Task WriteAsync_DelegateSwallowsAConflict_StillThrowsAndRollsBack()
    {
        using var store = new LiteDbIssueStore(_path);
        var issue = new IssueBuilder().Build();
        await store.WriteAsync(async writer =>
        {
            await writer.InsertIssueAsync(issue);
            return true;
        });
        var other = new IssueBuilder().Build();

        await Assert.ThatAsync(
            () => store.WriteAsync(async writer =>
            {
                await writer.InsertIssueAsync(other);
                try
                {
                    await writer.InsertIssueAsync(issue);
                }
                catch (IssueStoreConflictException)
                {
                    // The unit goes on as if nothing happened; LiteDB's transaction is half-applied by now.
                }

                return true;
            }),
            Throws.InstanceOf<IssueStoreConflictException>());

        var stored = await store.ReadAsync(reader => reader.FindIssueAsync(other.Id));
        Assert.That(stored, Is.Null, "a unit whose write failed was committed");
    }

    [Test]
    public async Task WriteAsync_UnitAwaitingSomethingElse_IsRefusedAndRolledBack()
    {
        using var store = new LiteDbIssueStore(_path);
        var issue = new IssueBuilder().Build();
        IIssueStoreWriter? escaped = null;

        // Completed only after the store has answered, so the unit is still waiting when the store looks at it.
        var elsewhere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Assert.ThatAsync(
            () => store.WriteAsync(async writer =>
            {
                escaped = writer;
                await writer.InsertIssueAsync(issue);
                await elsewhere.Task;
            }),
            Throws.InvalidOperationException.With.Message.Contains("units must complete on the thread that began them"));
        elsewhere.SetResult();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await store.ReadAsync(reader => reader.FindIssueAsync(issue.Id)), Is.Null, "the refused unit was committed");
            Assert.That(
                () => escaped!.FindIssueAsync(issue.Id),
                Throws.InvalidOperationException.With.Message.Contains("has ended"),
                "the refused unit's writer still works outside its transaction");
        }
    }

    [Test]
    public async Task WriteAsync_WriterCalledFromAnotherThread_IsRefusedAndRolledBack()
    {
        using var store = new LiteDbIssueStore(_path);
        var issue = new IssueBuilder().Build();

        // The unit's thread waits while another thread reads through its writer: outside the unit's transaction that
        // read would not see the unit's own insert.
        await Assert.ThatAsync(
            () => store.WriteAsync(async writer =>
            {
                await writer.InsertIssueAsync(issue);
                return Task.Run(() => writer.FindIssueAsync(issue.Id).AsTask()).GetAwaiter().GetResult();
            }),
            Throws.InvalidOperationException.With.Message.Contains("called from another thread"));

        Assert.That(await store.ReadAsync(reader => reader.FindIssueAsync(issue.Id)), Is.Null, "the refused unit was committed");
    }

    [Test]
    public void Constructor_FileOfANewerSchema_ThrowsNamingBothVersions()
    {
        new LiteDbIssueStore(_path).Dispose();
        using (var database = new LiteDatabase($"Filename={_path};Collation={Collation.Binary}"))
        {
            database.GetCollection(CollectionNames.Meta).Upsert(new BsonDocument { ["_id"] = "schema", ["Version"] = 99 });
        }

        Assert.That(
            () => new LiteDbIssueStore(_path),
            Throws.InvalidOperationException.With.Message.Contains("schema version 99").And.Message.Contains($"version {LiteDbSchema.Migrations.Count}"));
    }

    [Test]
    public void Constructor_PendingMigrations_RunInOrderAndRecordTheVersion()
    {
        new LiteDbIssueStore(_path).Dispose();
        var ran = new List<string>();
        var current = LiteDbSchema.Migrations.Count;
        LiteDbMigration[] migrations =
        [
            .. LiteDbSchema.Migrations,
            new(current, "second", db => ran.Add("second")),
            new(current + 1, "third", db => ran.Add("third")),
        ];

        using (var store = new LiteDbIssueStore(new LiteDbIssueStoreOptions { Path = _path }, migrations))
        {
            Assert.That(ran, Is.EqualTo(new[] { "second", "third" }), "only the pending migrations run, in order");
        }

        Assert.That(StoredSchemaVersion(), Is.EqualTo(current + 2));
    }

    [Test]
    public async Task Constructor_FileOfSchemaVersion1_IndexesExistingOccurrencesByUser()
    {
        var occurrence = new OccurrenceBuilder(Guid.NewGuid()).ForUser("alice").Build();
        using (var version1 = new LiteDbIssueStore(new LiteDbIssueStoreOptions { Path = _path }, [LiteDbSchema.Migrations[0]]))
        {
            // A release before migration 1 wrote no user key.
            await version1.WriteDatabaseAsync(db => db.GetCollection(TextKeyedOccurrence.Collection).Insert(TextKeyedOccurrence.Document(occurrence, withUserKey: false)));
        }

        bool found;
        using (var migrated = new LiteDbIssueStore(_path))
        {
            found = await migrated.ReadAsync(r => r.HasOccurrenceOfUserAsync(occurrence.IssueId, "alice"));
        }

        Assert.That(found, Is.True, "migration 1 derives the user key of occurrences written before it");
        Assert.That(StoredSchemaVersion(), Is.EqualTo(LiteDbSchema.Migrations.Count));
    }

    [Test]
    public async Task Constructor_FileOfSchemaVersion5_RepointsAliasesOfMergedAwayIssuesToTheSurvivor()
    {
        var survivor = new IssueBuilder().Build();
        var (mergedAway, mergedEarlier, vanished) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var kept = new FingerprintKey("kept", TestIds.App, false);
        var direct = new FingerprintKey("direct", TestIds.App, false);
        var chained = new FingerprintKey("chained", TestIds.App, true);
        var orphan = new FingerprintKey("orphan", TestIds.App, false);
        using (var version5 = new LiteDbIssueStore(new LiteDbIssueStoreOptions { Path = _path }, [.. LiteDbSchema.Migrations.Take(5)]))
        {
            await version5.WriteAsync(async w =>
            {
                await w.InsertIssueAsync(survivor);
                await w.AssignFingerprintAsync(kept, survivor.Id);
                await w.AssignFingerprintAsync(direct, mergedAway);
                await w.AssignFingerprintAsync(chained, mergedEarlier);
                await w.AssignFingerprintAsync(orphan, vanished);
                await w.AppendAuditAsync(new AuditRecordBuilder(mergedAway).AsMerge().Build() with { MergedIssueId = mergedEarlier });
                await w.AppendAuditAsync(new AuditRecordBuilder(survivor.Id).AsMerge().Build() with { MergedIssueId = mergedAway });
                return true;
            });
        }

        IReadOnlyDictionary<FingerprintKey, Guid> aliases;
        using (var migrated = new LiteDbIssueStore(_path))
        {
            aliases = await migrated.ReadAsync(r => r.ListFingerprintsAsync(TestIds.App));
        }

        Assert.That(aliases, Is.EquivalentTo(new Dictionary<FingerprintKey, Guid>
        {
            [kept] = survivor.Id,
            [direct] = survivor.Id,
            [chained] = survivor.Id,
        }), "aliases follow their merges to the survivor; one whose issue vanished without a merge is dropped");
        Assert.That(StoredSchemaVersion(), Is.EqualTo(LiteDbSchema.Migrations.Count));
    }

    [Test]
    public async Task Constructor_FileOfSchemaVersion5_MergesItsIssuesByRepointingGroupsNotRewritingOccurrences()
    {
        var (from, to) = (Guid.NewGuid(), Guid.NewGuid());
        var source = Enumerable.Range(0, 3).Select(i => new OccurrenceBuilder(from).At(TestTimes.At(i)).ForUser($"user-{i}").Build()).ToList();
        var target = new OccurrenceBuilder(to).InSession(source[0].SessionId).ForUser("user-0").Build();
        using (var version5 = new LiteDbIssueStore(new LiteDbIssueStoreOptions { Path = _path }, [.. LiteDbSchema.Migrations.Take(5)]))
        {
            await version5.WriteDatabaseAsync(db => db.GetCollection(TextKeyedOccurrence.Collection).InsertBulk(source.Append(target).Select(o => TextKeyedOccurrence.Document(o))));
        }

        OccurrenceSummary summary;
        IReadOnlyList<IssueOccurrence> merged;
        using (var migrated = new LiteDbIssueStore(_path))
        {
            summary = await migrated.WriteAsync(w => w.MergeOccurrencesAsync(from, to));
            merged = await migrated.ReadAsync(r => r.GetAllOccurrencesAsync(to));
        }

        using (var database = new LiteDatabase($"Filename={_path};Collation={Collation.Binary}"))
        {
            var moved = database.GetCollection(CollectionNames.Occurrences).FindById(OccurrenceKeys.Session(from, source[1].SessionId));
            Assert.That(moved, Is.Not.Null, "the merge rewrote a moved occurrence's keys instead of re-pointing its group");
        }

        Assert.That(merged, Is.EquivalentTo(new[] { target, source[1] with { IssueId = to }, source[2] with { IssueId = to } }));
        Assert.That((summary.Count, summary.UniqueUserCount), Is.EqualTo((3, 3)));
        Assert.That(StoredSchemaVersion(), Is.EqualTo(LiteDbSchema.Migrations.Count));
    }

    [Test]
    public void Constructor_MigrationFails_LeavesTheFileAtItsPreviousVersion()
    {
        new LiteDbIssueStore(_path).Dispose();
        var current = LiteDbSchema.Migrations.Count;
        LiteDbMigration[] migrations =
        [
            .. LiteDbSchema.Migrations,
            new(current, "adds a row", db => db.GetCollection(CollectionNames.Issues).Insert(new BsonDocument { ["_id"] = 1 })),
            new(current + 1, "fails", db => throw new InvalidDataException("cannot convert")),
        ];

        Assert.That(
            () => new LiteDbIssueStore(new LiteDbIssueStoreOptions { Path = _path }, migrations),
            Throws.InvalidOperationException.With.Message.Contains($"from schema version {current + 1} (fails)").And.InnerException.TypeOf<InvalidDataException>());

        using var database = new LiteDatabase($"Filename={_path};Collation={Collation.Binary}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(database.GetCollection(CollectionNames.Meta).FindById("schema")["Version"].AsInt32, Is.EqualTo(current), "schema version");
            Assert.That(database.GetCollection(CollectionNames.Issues).Count(), Is.Zero, "rows written by the migration before the failing one");
        }
    }

    [Test]
    public void ListIssues_FirstPage_IsAnIndexRangeScanWithoutSort([Values] IssueSort sort)
    {
        using var store = new LiteDbIssueStore(_path);

        var plan = IssueListScan.PlanFirstPage(store.Collections.Issues, TestIds.Project, isDev: false, sort, take: 51);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan["index"]["mode"].AsString, Does.StartWith("INDEX RANGE SCAN"), plan.ToString());
            Assert.That(plan["index"]["order"].AsInt32, Is.EqualTo(Query.Descending), $"the index is not read backwards: {plan}");
            Assert.That(plan.ContainsKey("orderBy"), Is.False, $"the plan sorts instead of reading the index in order: {plan}");
            Assert.That(plan["limit"].AsInt32, Is.EqualTo(51), plan.ToString());
        }
    }

    [Test]
    public void CountIssuesByStatus_OneStatusOfALane_IsCountedFromTheIndexKeysWithoutLoadingIssues()
    {
        using var store = new LiteDbIssueStore(_path);

        var plan = IssueListScan.PlanStatusCount(store.Collections.Issues, StorageKeys.IssueStatusRange(TestIds.Project, isDev: false, "new"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan["index"]["name"].AsString, Is.EqualTo(IndexNames.IssuesLaneStatus), plan.ToString());
            Assert.That(plan["index"]["mode"].AsString, Does.StartWith("INDEX RANGE SCAN"), plan.ToString());
            Assert.That(plan["lookup"]["loader"].AsString, Is.EqualTo("index"), $"the count loads issue documents: {plan}");
        }
    }

    [Test]
    public async Task Constructor_FileOfSchemaVersion9_CountsItsIssuesByStatusFromTheNewIndex()
    {
        Issue[] issues =
        [
            new IssueBuilder().Build(),
            new IssueBuilder().WithStatus(IssueStatus.Resolved).Build(),
            new IssueBuilder().WithStatus(IssueStatus.Resolved).ForApp(TestIds.OtherApp).Build(),
            new IssueBuilder().WithStatus(IssueStatus.Resolved).AsDev().Build(),
        ];
        using (var version9 = new LiteDbIssueStore(new LiteDbIssueStoreOptions { Path = _path }, [.. LiteDbSchema.Migrations.Take(9)]))
        {
            await version9.WriteAsync(async w =>
            {
                foreach (var issue in issues)
                {
                    await w.InsertIssueAsync(issue);
                }

                return true;
            });
        }

        using (var database = new LiteDatabase($"Filename={_path};Collation={Collation.Binary}"))
        {
            // A release before migration 9 never wrote the key; the migration derives it.
            var collection = database.GetCollection(CollectionNames.Issues);
            foreach (var document in collection.FindAll().ToList())
            {
                document.Remove(nameof(IssueDocument.StatusKey));
                collection.Update(document);
            }
        }

        IReadOnlyDictionary<IssueStatus, int> all, production, oneApp;
        using (var migrated = new LiteDbIssueStore(_path))
        {
            all = await migrated.ReadAsync(r => r.CountIssuesByStatusAsync(new IssueListFilter([TestIds.Project])));
            production = await migrated.ReadAsync(r => r.CountIssuesByStatusAsync(new IssueListFilter([TestIds.Project], IsDev: false)));
            oneApp = await migrated.ReadAsync(r => r.CountIssuesByStatusAsync(new IssueListFilter([TestIds.Project], AppId: TestIds.OtherApp)));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(all, Is.EquivalentTo(new Dictionary<IssueStatus, int> { [IssueStatus.New] = 1, [IssueStatus.Resolved] = 3 }), "both sides");
            Assert.That(production, Is.EquivalentTo(new Dictionary<IssueStatus, int> { [IssueStatus.New] = 1, [IssueStatus.Resolved] = 2 }), "production");
            Assert.That(oneApp, Is.EquivalentTo(new Dictionary<IssueStatus, int> { [IssueStatus.Resolved] = 1 }), "one app");
            Assert.That(StoredSchemaVersion(), Is.EqualTo(LiteDbSchema.Migrations.Count));
        }
    }

    [Test]
    public void MoveFingerprints_Predicate_SeeksTheIssueIndexInsteadOfScanningEveryAlias()
    {
        using var store = new LiteDbIssueStore(_path);

        var plan = store.Collections.Fingerprints.Query()
            .Where(BsonExpression.Create($"$.{nameof(FingerprintDocument.IssueId)} = @0", Guid.NewGuid()))
            .GetPlan();

        Assert.That(plan["index"]["name"].AsString, Is.EqualTo(IndexNames.FingerprintsIssue), plan.ToString());
    }

    private int StoredSchemaVersion()
    {
        using var database = new LiteDatabase($"Filename={_path};Collation={Collation.Binary}");
        return database.GetCollection(CollectionNames.Meta).FindById("schema")["Version"].AsInt32;
    }
}
