using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Stores Owlmetry issues in a LiteDB file.</summary>
public static class LiteDbIssuesBuilderExtensions
{
    /// <summary>
    /// Replaces the issue store with a <see cref="LiteDbIssueStore"/> over the file named by
    /// <see cref="LiteDbIssueStoreOptions.Path"/>. The options are validated at start; the file is opened, and its
    /// folder created, when the store is first resolved, and closed when the service provider is disposed.
    /// </summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder UseLiteDb(this IIssuesBuilder builder, Action<LiteDbIssueStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<LiteDbIssueStoreOptions>()
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "LiteDbIssueStoreOptions.Path must name the database file.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(sp => new LiteDbIssueStore(sp.GetRequiredService<IOptions<LiteDbIssueStoreOptions>>().Value));
        builder.Services.Replace(ServiceDescriptor.Singleton<IIssueStore>(sp => sp.GetRequiredService<LiteDbIssueStore>()));
        return builder;
    }

    /// <summary>Replaces the issue store with a <see cref="LiteDbIssueStore"/> over the file at <paramref name="path"/>.</summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder UseLiteDb(this IIssuesBuilder builder, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return builder.UseLiteDb(o => o.Path = path);
    }
}
