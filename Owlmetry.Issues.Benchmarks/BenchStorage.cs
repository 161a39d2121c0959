using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.DependencyInjection;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>
/// Where a bench keeps its store: the LiteDB file it names (the default), or, with <c>--postgresql CONNECTION</c>, a
/// schema of that database named after the file, so that reopening the "file" reopens the same schema. Meant for a
/// throwaway cluster: the schemas are left behind.
/// </summary>
internal sealed class BenchStorage(string? postgreSqlConnectionString)
{
    public string Name => postgreSqlConnectionString is null ? "LiteDB" : "PostgreSQL";

    /// <summary>
    /// The environment that puts the server binary and its <c>init</c> on this storage: nothing for LiteDB (the data
    /// directory), or the PostgreSQL settings with a schema named after <paramref name="run"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment(string run) => postgreSqlConnectionString is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgresql",
            ["ConnectionStrings__Owlmetry"] = postgreSqlConnectionString,
            ["Storage__Schema"] = SchemaOf(run),
        };

    public IIssuesBuilder Use(IIssuesBuilder issues, string file) => postgreSqlConnectionString is null
        ? issues.UseLiteDb(file)
        : issues.UsePostgreSql(o =>
        {
            o.ConnectionString = postgreSqlConnectionString;
            o.Schema = SchemaOf(file);
        });

    private static string SchemaOf(string name) => "bench_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..16];
}
