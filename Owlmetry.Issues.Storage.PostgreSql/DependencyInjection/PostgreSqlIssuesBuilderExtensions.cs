using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.PostgreSql;
using Owlmetry.Issues.Storage.PostgreSql.Schema;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Stores Owlmetry issues in a PostgreSQL database.</summary>
public static class PostgreSqlIssuesBuilderExtensions
{
    /// <summary>
    /// Replaces the issue store with a <see cref="PostgreSqlIssueStore"/> configured by <paramref name="configure"/>.
    /// The options are validated at start; the schema is created and migrated by the first unit of work, and a data
    /// source the store built from a connection string is disposed with the service provider.
    /// </summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder UsePostgreSql(this IIssuesBuilder builder, Action<PostgreSqlIssueStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<PostgreSqlIssueStoreOptions>()
            .Configure(configure)
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.ConnectionString) || o.DataSource is not null,
                "PostgreSqlIssueStoreOptions needs a ConnectionString or a DataSource: neither is set.")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.ConnectionString) || o.DataSource is null,
                "PostgreSqlIssueStoreOptions needs either a ConnectionString or a DataSource, not both.")
            .Validate(o => SchemaName.IsValid(o.Schema), "PostgreSqlIssueStoreOptions.Schema must be a lowercase identifier (a-z, 0-9, _; at most 63).")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(sp => new PostgreSqlIssueStore(sp.GetRequiredService<IOptions<PostgreSqlIssueStoreOptions>>().Value));
        builder.Services.Replace(ServiceDescriptor.Singleton<IIssueStore>(sp => sp.GetRequiredService<PostgreSqlIssueStore>()));
        return builder;
    }

    /// <summary>Replaces the issue store with a <see cref="PostgreSqlIssueStore"/> on the database of <paramref name="connectionString"/>, schema <c>owlmetry</c>.</summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder UsePostgreSql(this IIssuesBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UsePostgreSql(o => o.ConnectionString = connectionString);
    }
}
