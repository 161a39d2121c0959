using LiteDB;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Units;

namespace Owlmetry.Issues.Storage.LiteDb.Schema;

/// <summary>Brings a file to the newest schema at open, in one transaction: it ends fully migrated or untouched.</summary>
internal static class SchemaMigrator
{
    public static void Migrate(LiteDbCollections collections, IReadOnlyList<LiteDbMigration> migrations, string path)
    {
        var database = collections.Database;
        if (!database.BeginTrans())
        {
            throw new InvalidOperationException("A LiteDB transaction was already open on this thread while opening the issue store.");
        }

        try
        {
            var stored = collections.Meta.FindById(SchemaDocument.RowId)?.Version;
            var version = stored ?? 0;
            if (version > migrations.Count)
            {
                throw new InvalidOperationException(
                    $"The issue store '{path}' has schema version {version}, newer than version {migrations.Count}, the newest "
                    + "this version of Owlmetry.Issues.Storage.LiteDb knows. A newer release wrote it: upgrade the package "
                    + "instead of opening the file with this one.");
            }

            for (; version < migrations.Count; version++)
            {
                Apply(migrations[version], version, database, path);
            }

            if (stored != version)
            {
                collections.Meta.Upsert(new SchemaDocument { Version = version });
            }

            database.Commit();
        }
        catch
        {
            database.Rollback();
            throw;
        }

        foreach (var retired in migrations.Select(migration => migration.Retires).OfType<string>().Where(database.CollectionExists))
        {
            database.DropCollection(retired);
        }
    }

    private static void Apply(LiteDbMigration migration, int version, LiteDatabase database, string path)
    {
        if (migration.FromVersion != version)
        {
            throw new InvalidOperationException(
                $"Schema migration number {version} starts from version {migration.FromVersion}; migrations must be listed in order.");
        }

        try
        {
            migration.Apply(database);
        }
        catch (Exception ex) when (ex is LiteException or InvalidOperationException or InvalidDataException)
        {
            throw new InvalidOperationException(
                $"Migrating the issue store '{path}' from schema version {version} ({migration.Description}) failed; the file was left at its previous version.",
                ex);
        }
    }
}
