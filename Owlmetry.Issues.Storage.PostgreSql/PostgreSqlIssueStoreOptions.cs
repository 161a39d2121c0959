using Npgsql;
using Owlmetry.Issues.Storage.PostgreSql.Schema;

namespace Owlmetry.Issues.Storage.PostgreSql;

/// <summary>Options of the PostgreSQL issue store, configured through <c>UsePostgreSql(o => …)</c>.</summary>
public sealed class PostgreSqlIssueStoreOptions
{
    /// <summary>
    /// An Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>). The store builds its data source
    /// from it and disposes that data source with itself. Give this or <see cref="DataSource"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// A data source the application owns and shares (its own pool, logging, types). The store uses it and leaves it
    /// open when disposed. Give this or <see cref="ConnectionString"/>.
    /// </summary>
    public NpgsqlDataSource? DataSource { get; set; }

    /// <summary>
    /// The schema holding the store's tables, created when missing: a lowercase identifier. Defaults to
    /// <c>owlmetry</c>. Two stores on one database with different schemas are independent.
    /// </summary>
    public string Schema { get; set; } = SchemaName.Default;
}
