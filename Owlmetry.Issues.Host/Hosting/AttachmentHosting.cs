using Microsoft.Extensions.Options;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Host.Auth;

namespace Owlmetry.Issues.Host.Hosting;

/// <summary>
/// Attachments in the server: bytes in the folder <c>Attachments:Path</c> (by default the data directory's
/// <c>attachments</c> folder; servers sharing one PostgreSQL database must share it too), options from the
/// <c>Attachments</c> section, links signed with a key derived from the user-token secret, and the background
/// cleanup unless <c>Attachments:CleanupEnabled</c> is false.
/// </summary>
public static class AttachmentHosting
{
    public const string FolderName = "attachments";
    public const string SectionName = "Attachments";
    public const string PathKey = $"{SectionName}:Path";

    public static IIssuesBuilder AddServerAttachments(this IIssuesBuilder issues, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(issues);
        issues.UseFileSystemAttachmentStorage(
            configuration[PathKey] is { Length: > 0 } path ? path : DataDirectory.FromConfiguration(configuration).GetFilePath(FolderName));
        issues.Services.AddOptions<AttachmentOptions>().BindConfiguration(SectionName)
            .PostConfigure<IOptions<AuthOptions>>((options, auth) =>
                options.DownloadSigningKey ??= AttachmentSigningKey.DeriveFrom(auth.Value.JwtSecret!));
        if (configuration.GetValue($"{SectionName}:CleanupEnabled", true))
        {
            issues.AddAttachmentCleanup();
        }

        return issues;
    }
}
