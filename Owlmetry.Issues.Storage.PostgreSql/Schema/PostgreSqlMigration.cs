namespace Owlmetry.Issues.Storage.PostgreSql.Schema;

/// <summary>
/// One step of a component's schema, applied once by <see cref="PostgreSqlMigrator"/> in a transaction of its own,
/// with the component's schema as the search path. Steps are append-only: a released step never changes.
/// </summary>
/// <param name="Version">The step's number: 1 for the first, each next step one more.</param>
/// <param name="Name">What the step does, recorded beside its version.</param>
/// <param name="Sql">The statements, naming tables without a schema.</param>
public sealed record PostgreSqlMigration(int Version, string Name, string Sql);
