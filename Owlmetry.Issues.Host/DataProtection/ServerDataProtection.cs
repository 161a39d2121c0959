using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Owlmetry.Issues.Host.DataProtection;

/// <summary>
/// ASP.NET Core Data Protection (which protects the console's antiforgery tokens) with its keys where the server keeps
/// its data: the <see cref="IXmlRepository"/> that <see cref="Storage.ServerStorage.AddServerStores"/> registers (the data
/// directory on LiteDB, the database on PostgreSQL), so a token outlives a restart and every server on one database
/// accepts the others'. One application name for every server, whatever folder it runs from.
/// </summary>
internal static class ServerDataProtection
{
    public const string ApplicationName = "Owlmetry.Issues";

    public static IServiceCollection AddServerDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IXmlRepository>((options, repository) => options.XmlRepository = repository);
        return services;
    }
}
