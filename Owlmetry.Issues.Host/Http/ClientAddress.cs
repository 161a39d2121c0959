using System.Net;
using System.Net.Sockets;

namespace Owlmetry.Issues.Host.Http;

/// <summary>
/// Who is calling, for rate limits: the connection's address, never a header the client wrote. Behind a reverse proxy
/// every client has the proxy's address unless the host turns on the forwarded headers middleware
/// (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>), which it should only do when the proxy is the only way in.
/// </summary>
internal static class ClientAddress
{
    public static string PartitionKey(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { AddressFamily: AddressFamily.InterNetworkV6 } v6 => Network64(v6),
        var v4 => v4.ToString(),
    };

    // One subscriber is usually given a whole /64, so its addresses count as one client.
    private static string Network64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
