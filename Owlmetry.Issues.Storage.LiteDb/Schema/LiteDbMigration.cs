using LiteDB;

namespace Owlmetry.Issues.Storage.LiteDb.Schema;

/// <summary>One schema step: brings a file from <see cref="FromVersion"/> to <see cref="FromVersion"/> + 1.</summary>
/// <param name="FromVersion">The version the step starts from.</param>
/// <param name="Description">What the step does, for error messages.</param>
/// <param name="Apply">The step, run inside the open-time migration transaction.</param>
/// <param name="Retires">
/// A collection the step leaves unread, dropped after the migration committed (LiteDB drops a collection only
/// outside a transaction), at every open until it is gone.
/// </param>
internal sealed record LiteDbMigration(int FromVersion, string Description, Action<LiteDatabase> Apply, string? Retires = null);
