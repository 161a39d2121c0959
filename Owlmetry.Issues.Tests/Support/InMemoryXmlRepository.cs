using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>A Data Protection key ring that lives as long as its server, for servers that write no files.</summary>
internal sealed class InMemoryXmlRepository : IXmlRepository
{
    private readonly List<XElement> _elements = [];

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_elements)
        {
            return [.. _elements.Select(e => new XElement(e))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_elements)
        {
            _elements.Add(new XElement(element));
        }
    }
}
