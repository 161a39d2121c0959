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

    public IIssuesBuilder Use(IIssuesBuilder issues, string file) => postgreSqlConnectionString is null
        ? issues.UseLiteDb(file)
        : issues.UsePostgreSql(o =>
        {
            o.ConnectionString = postgreSqlConnectionString;
            o.Schema = "bench_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file)))[..16];
        });
}
