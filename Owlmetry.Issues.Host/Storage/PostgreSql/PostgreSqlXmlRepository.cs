using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Owlmetry.Issues.Host.Storage.PostgreSql;

/// <summary>
/// The Data Protection key ring in the database (<c>host_data_protection_keys</c>): every server on it protects and
/// unprotects with the same keys, so an antiforgery token issued by one is accepted by the others and survives a
/// restart.
/// </summary>
internal sealed class PostgreSqlXmlRepository(HostDatabase database) : IXmlRepository
{
    // IXmlRepository is synchronous; Data Protection calls it when it loads or rolls its key ring, not per request.
    public IReadOnlyCollection<XElement> GetAllElements() => database.ReadAsync(
        connection => HostDatabase.ListAsync(
            connection, $"SELECT xml FROM {database.Schema}.host_data_protection_keys ORDER BY seq", reader => XElement.Parse(reader.GetString(0)), CancellationToken.None),
        CancellationToken.None).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        database.WriteAsync(
            connection => HostDatabase.ExecuteAsync(
                connection,
                $"INSERT INTO {database.Schema}.host_data_protection_keys (name, xml) VALUES ($1, $2)",
                CancellationToken.None,
                Param.Text($"{friendlyName}-{Guid.NewGuid():N}"),
                Param.Text(element.ToString(SaveOptions.DisableFormatting))),
            _ => null,
            CancellationToken.None).GetAwaiter().GetResult();
    }
}
