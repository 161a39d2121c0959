using System.Net;
using Microsoft.AspNetCore.Http;
using Owlmetry.Issues.Host.Http;

namespace Owlmetry.Issues.Tests.Http;

public sealed class ClientAddressTests
{
    [TestCase("10.0.0.1", "10.0.0.1")]
    [TestCase("::ffff:10.0.0.1", "10.0.0.1")]
    [TestCase("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [TestCase("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void PartitionKey_OfAnAddress_IsTheIPv4AddressOrTheIPv6Network64(string address, string expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);

        Assert.That(ClientAddress.PartitionKey(context), Is.EqualTo(expected));
    }

    [Test]
    public void PartitionKey_ForwardedForHeader_IsIgnored()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.1");
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";

        Assert.That(ClientAddress.PartitionKey(context), Is.EqualTo("10.0.0.1"));
    }
}
