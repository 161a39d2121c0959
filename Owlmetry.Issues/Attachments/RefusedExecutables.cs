using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Attachments;

/// <summary>
/// Executables and scripts are refused (415), judged three ways so that no one of them can be lied around: the
/// declared media type, the file name's extension, and the first bytes of the upload itself.
/// </summary>
internal static class RefusedExecutables
{
    /// <summary>How many leading bytes <see cref="LooksExecutable"/> needs to decide.</summary>
    public const int SignatureLength = 4;

    private static readonly byte[][] s_signatures =
    [
        "MZ"u8.ToArray(),
        "#!"u8.ToArray(),
        [0x7F, (byte)'E', (byte)'L', (byte)'F'],
        [0xFE, 0xED, 0xFA, 0xCE],
        [0xFE, 0xED, 0xFA, 0xCF],
        [0xCE, 0xFA, 0xED, 0xFE],
        [0xCF, 0xFA, 0xED, 0xFE],
        [0xCA, 0xFE, 0xBA, 0xBE],
    ];

    /// <summary>Native programs, installers, packages and scripts that run when opened.</summary>
    private static readonly HashSet<string> s_extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "exe", "dll", "com", "scr", "pif", "cpl", "msi", "msp", "mst", "msc", "sys", "drv", "ocx",
        "bat", "cmd", "ps1", "psm1", "psd1", "ps1xml", "vbs", "vbe", "js", "jse", "mjs", "cjs", "wsf", "wsh", "hta",
        "sh", "bash", "zsh", "csh", "ksh", "fish", "command", "py", "pyc", "pyw", "pl", "rb", "php", "lua",
        "jar", "class", "apk", "aab", "xapk", "ipa", "app", "dmg", "pkg", "deb", "rpm", "appimage", "snap", "elf", "so", "dylib",
        "lnk", "reg", "inf", "scf", "url", "gadget", "application", "appref-ms", "workflow", "action",
    };

    private static readonly HashSet<string> s_mediaTypes = new(StringComparer.Ordinal)
    {
        "application/x-msdownload", "application/x-msdos-program", "application/x-dosexec", "application/x-exe",
        "application/x-winexe", "application/exe", "application/vnd.microsoft.portable-executable", "application/x-executable",
        "application/x-elf", "application/x-sharedlib", "application/x-mach-binary", "application/x-msi", "application/x-ms-installer",
        "application/x-ms-shortcut", "application/x-bat", "application/x-msbatch", "application/bat", "application/x-sh",
        "application/x-shellscript", "application/x-csh", "application/x-powershell", "application/javascript",
        "application/x-javascript", "application/ecmascript", "application/x-ecmascript", "text/javascript", "text/ecmascript",
        "text/jscript", "text/vbscript", "application/x-vbscript", "text/x-sh", "text/x-shellscript", "text/x-python",
        "application/x-python", "application/x-python-code", "text/x-perl", "application/x-perl", "text/x-php",
        "application/x-php", "application/x-httpd-php", "text/x-ruby", "application/x-ruby", "application/hta",
        "application/java-archive", "application/x-java-archive", "application/x-java-applet", "application/java-vm",
        "application/vnd.android.package-archive", "application/x-apple-diskimage", "application/x-newton-compatible-pkg",
        "application/vnd.debian.binary-package", "application/x-debian-package", "application/x-rpm", "application/x-redhat-package-manager",
    };

    /// <returns>A 415 error when the declared type or the name's extension is an executable or script; otherwise null.</returns>
    public static IssueError? Refuse(string filename, string contentType)
    {
        var essence = AttachmentRules.Essence(contentType);
        if (s_mediaTypes.Contains(essence))
        {
            return Refused($"Executables and scripts are not accepted as attachments (content_type {essence})");
        }

        // Windows drops trailing dots and spaces from a name, so "run.exe. " is run.exe once saved.
        var extension = Path.GetExtension(filename.TrimEnd('.', ' ')).TrimStart('.');
        return s_extensions.Contains(extension)
            ? Refused($"Executables and scripts are not accepted as attachments (.{extension.ToLowerInvariant()} files)")
            : null;
    }

    /// <summary>A 415 error with the reference's code, for the declared type, the extension or the bytes.</summary>
    public static IssueError Refused(string message) =>
        IssueError.UnsupportedType(message) with { Code = AttachmentRejectionCodes.DisallowedContentType };

    /// <summary>
    /// Whether an upload starts like a program: a Windows PE (<c>MZ</c>), ELF, Mach-O (either byte order, fat or
    /// thin, which also covers Java class files), or a script with a <c>#!</c> line.
    /// </summary>
    public static bool LooksExecutable(ReadOnlySpan<byte> head)
    {
        foreach (var signature in s_signatures)
        {
            if (head.StartsWith(signature))
            {
                return true;
            }
        }

        return false;
    }
}
