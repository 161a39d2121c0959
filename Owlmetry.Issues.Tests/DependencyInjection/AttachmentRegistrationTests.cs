using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.DependencyInjection;

[TestFixture]
public sealed class AttachmentRegistrationTests
{
    [Test]
    public void AddOwlmetryIssues_Alone_RegistersAttachmentsInMemory()
    {
        var services = new ServiceCollection();
        services.AddOwlmetryIssues();

        using var provider = services.BuildServiceProvider();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => provider.GetRequiredService<IAttachmentService>(), Throws.Nothing, "the attachment service resolves");
            Assert.That(provider.GetRequiredService<IAttachmentBlobStore>(), Is.InstanceOf<InMemoryAttachmentBlobStore>());
            Assert.That(() => provider.GetRequiredService<AttachmentCleanup>(), Throws.Nothing, "the cleanup resolves, for a host to run it");
            Assert.That(provider.GetServices<IHostedService>(), Is.Empty, "the cleanup runs in the background only when asked");
        }
    }

    [Test]
    public void UseFileSystemAttachmentStorage_Folder_ReplacesTheInMemoryBlobStore()
    {
        using var folder = new TempFolder();
        var services = new ServiceCollection();
        services.AddOwlmetryIssues().UseFileSystemAttachmentStorage(folder.File("attachments"));

        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IAttachmentBlobStore>(), Is.InstanceOf<FileSystemAttachmentBlobStore>()
            .With.Property(nameof(FileSystemAttachmentBlobStore.Folder)).EqualTo(folder.File("attachments")));
    }

    [Test]
    public void AddAttachmentCleanup_Twice_RegistersOneHostedService()
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddOwlmetryIssues().AddAttachmentCleanup().AddAttachmentCleanup();

        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetServices<IHostedService>().Count(), Is.EqualTo(1));
    }

    [Test]
    public void ConfigureAttachments_ShortSigningKey_FailsStartValidation()
    {
        var services = new ServiceCollection();
        services.AddOwlmetryIssues().ConfigureAttachments(o => o.DownloadSigningKey = new byte[16]);
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IStartupValidator>().Validate(),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(nameof(AttachmentOptions.DownloadSigningKey)));
    }
}
