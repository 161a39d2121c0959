using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.Host.DataProtection;

/// <summary>
/// The Data Protection key ring of a server on LiteDB: one XML file per key in <c>data-protection-keys/</c> of the data
/// directory, the folder and every file owner-only (ASP.NET Core's own file repository creates its files with the
/// process's default mode), each written whole before it appears.
/// </summary>
internal sealed class DataDirectoryXmlRepository(DataDirectory dataDirectory) : IXmlRepository
{
    public const string FolderName = "data-protection-keys";

    private string Folder => dataDirectory.GetFilePath(FolderName);

    public IReadOnlyCollection<XElement> GetAllElements() =>
        System.IO.Directory.Exists(Folder)
            ? [.. System.IO.Directory.EnumerateFiles(Folder, "*.xml").Order(StringComparer.Ordinal).Select(path => XElement.Load(path))]
            : [];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        dataDirectory.EnsureExists();
        DataDirectory.CreateOwnerOnly(Folder);
        var name = !string.IsNullOrEmpty(friendlyName) && friendlyName.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? friendlyName : Guid.NewGuid().ToString();
        var path = Path.Combine(Folder, name + ".xml");
        if (!PrivateFile.TryCreate(path, element.ToString(SaveOptions.DisableFormatting)))
        {
            throw new IOException($"{path} exists already: a key is never written twice.");
        }
    }
}
