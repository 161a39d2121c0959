using LiteDB;

namespace Owlmetry.Issues.Storage.LiteDb.Schema;

/// <summary>One schema step: brings a file from <see cref="FromVersion"/> to <see cref="FromVersion"/> + 1.</summary>
/// <param name="FromVersion">The version the step starts from.</param>
/// <param name="Description">What the step does, for error messages.</param>
/// <param name="Apply">The step, run inside the open-time migration transaction.</param>
internal sealed record LiteDbMigration(int FromVersion, string Description, Action<LiteDatabase> Apply);
