using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.PostgreSql;

namespace Owlmetry.Issues.Tests.DependencyInjection;

/// <summary>The registration alone: no database is reached before the first unit of work.</summary>
[TestFixture]
public sealed class PostgreSqlRegistrationTests
{
    private const string ConnectionString = "Host=127.0.0.1;Database=owlmetry;Username=owlmetry";

    [Test]
    public void UsePostgreSql_ConnectionString_ReplacesTheInMemoryStore()
    {
        var services = new ServiceCollection();
        services.AddOwlmetryIssues().UsePostgreSql(ConnectionString);

        using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IIssueStore>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store, Is.InstanceOf<PostgreSqlIssueStore>());
            Assert.That(provider.GetRequiredService<PostgreSqlIssueStore>(), Is.SameAs(store), "the concrete store is a second instance");
            Assert.That(provider.GetRequiredService<IOptions<PostgreSqlIssueStoreOptions>>().Value.Schema, Is.EqualTo("owlmetry"));
        }
    }

    [Test]
    public void UsePostgreSql_NeitherConnectionStringNorDataSource_FailsStartValidation() =>
        AssertStartFails(o => o.Schema = "owlmetry", "needs a ConnectionString or a DataSource: neither is set");

    [Test]
    public void UsePostgreSql_BothConnectionStringAndDataSource_FailsStartValidation()
    {
        using var dataSource = NpgsqlDataSource.Create(ConnectionString);

        AssertStartFails(o => (o.ConnectionString, o.DataSource) = (ConnectionString, dataSource), "not both");
    }

    [Test]
    public void UsePostgreSql_SchemaNotAPlainIdentifier_FailsStartValidation() =>
        AssertStartFails(o => (o.ConnectionString, o.Schema) = (ConnectionString, "Owl-Metry"), nameof(PostgreSqlIssueStoreOptions.Schema));

    [Test]
    public void UsePostgreSql_MalformedConnectionString_ThrowsNamingTheOptionWithNpgsqlsReason()
    {
        var services = new ServiceCollection();
        services.AddOwlmetryIssues().UsePostgreSql("Hots=x");
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IIssueStore>(), Throws.ArgumentException.With.Message.StartsWith(
            "PostgreSqlIssueStoreOptions.ConnectionString (the connection string given to UsePostgreSql) is not a PostgreSQL connection string: Couldn't set hots"));
    }

    [Test]
    public void UsePostgreSql_BlankConnectionStringArgument_ThrowsArgumentException()
    {
        var builder = new ServiceCollection().AddOwlmetryIssues();

        Assert.That(() => builder.UsePostgreSql(" "), Throws.ArgumentException);
    }

    private static void AssertStartFails(Action<PostgreSqlIssueStoreOptions> configure, string messagePart)
    {
        var services = new ServiceCollection();
        services.AddOwlmetryIssues().UsePostgreSql(configure);
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IStartupValidator>().Validate(),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(messagePart));
    }
}
