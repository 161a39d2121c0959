using System.Globalization;
using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.Host.Moving;

/// <summary>
/// The file <c>MOVED-TO-POSTGRESQL</c> that a verified <c>copy-to-postgresql</c> leaves in the LiteDB data directory.
/// From then on the server's data is in PostgreSQL: a server or an offline command that still took the directory for
/// LiteDB storage would serve, change or back up data that is no longer the server's, without a word. They refuse the
/// directory while the file is there; deleting it is the way back to LiteDB.
/// </summary>
public sealed class MovedToPostgreSql
{
    public const string FileName = "MOVED-TO-POSTGRESQL";
    private const string MovedAtField = "moved_at";
    private const string DatabaseField = "database";
    private const string SchemaField = "schema";
    private const string AttachmentsField = "attachments";

    private readonly DataDirectory _dataDirectory;
    private readonly IReadOnlyDictionary<string, string> _fields;

    private MovedToPostgreSql(DataDirectory dataDirectory, IReadOnlyDictionary<string, string> fields)
    {
        _dataDirectory = dataDirectory;
        _fields = fields;
    }

    /// <summary>The marker's path in the data directory.</summary>
    public string Path => _dataDirectory.GetFilePath(FileName);

    /// <summary>
    /// One sentence saying where the directory went and when, as far as the file tells (an operator may have edited
    /// it), naming the file; it ends without a stop, for the caller to say what to do.
    /// </summary>
    public string Moved
    {
        get
        {
            var target = _fields.TryGetValue(DatabaseField, out var database)
                ? $" ({database}{(_fields.TryGetValue(SchemaField, out var schema) ? $", schema {schema}" : "")})"
                : "";
            var when = _fields.TryGetValue(MovedAtField, out var movedAt) ? $" on {movedAt}" : "";
            return $"{_dataDirectory.Path} was moved to PostgreSQL{target}{when}, as its {FileName} file says";
        }
    }

    /// <summary>The refusal of a server or command that would use the directory as LiteDB storage.</summary>
    public string LiteDbRefusal =>
        $"{Moved}: set Storage:Provider=postgresql to run on the copy, or delete {Path} to keep using the LiteDB data here "
        + "(without what PostgreSQL received since).";

    /// <returns>The marker in <paramref name="dataDirectory"/>, or null when there is none.</returns>
    public static MovedToPostgreSql? Find(DataDirectory dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var path = dataDirectory.GetFilePath(FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Split(": ", 2) is [var name, var value] && value.Trim() is { Length: > 0 } trimmed)
            {
                fields.TryAdd(name.Trim(), trimmed);
            }
        }

        return new MovedToPostgreSql(dataDirectory, fields);
    }

    /// <summary>Marks <paramref name="dataDirectory"/> as moved to <paramref name="database"/> (described without its password).</summary>
    public static Task WriteAsync(DataDirectory dataDirectory, DateTimeOffset movedAt, string database, string schema, string attachments)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        return File.WriteAllTextAsync(dataDirectory.GetFilePath(FileName), $"""
            This LiteDB data directory was copied to PostgreSQL by copy-to-postgresql, and the copy matched it in every kind.
            {MovedAtField}: {movedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}
            {DatabaseField}: {database}
            {SchemaField}: {schema}
            {AttachmentsField}: {attachments}

            While this file is here, a server started on this directory with Storage:Provider=litedb (the default) does not
            start, and init, users reset-password, backup (without --url) and copy-to-postgresql refuse it: the server's data
            is in PostgreSQL now, and this directory does not see what is written there. Run the server with
            Storage:Provider=postgresql and the settings copy-to-postgresql printed.

            To undo, and use this directory as LiteDB storage again (without what was written to PostgreSQL since), delete
            this file.

            """);
    }
}
