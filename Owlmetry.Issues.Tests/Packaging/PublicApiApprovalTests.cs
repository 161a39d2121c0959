using System.Reflection;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Storage.PostgreSql;
using Owlmetry.Issues.Tests.Support;
using PublicApiGenerator;

namespace Owlmetry.Issues.Tests.Packaging;

/// <summary>
/// Each package's public surface, pinned in <c>PublicApi/NAME.approved.txt</c>: a change to it is a reviewed diff of that
/// file. On a mismatch the test writes <c>NAME.received.txt</c> beside it; compare the two, and when the change is
/// intended, replace the approved file with the received one.
/// </summary>
public sealed class PublicApiApprovalTests
{
    private static readonly Assembly[] s_packages =
        [
            typeof(IIssueStore).Assembly, typeof(LiteDbIssueStoreOptions).Assembly, typeof(PostgreSqlIssueStoreOptions).Assembly,
            typeof(OwlmetryIssuesApiOptions).Assembly, typeof(IssuesJson).Assembly,
            typeof(OwlmetryIssuesClient).Assembly, typeof(global::Owlmetry.Issues.WebConsole.IWebConsoleSignIn).Assembly,
        ];

    // The registration extensions live in Microsoft's namespaces, which the generator leaves out unless allowed. The
    // excluded attributes are build facts, not API: the target framework, and the commit SourceLink stamps.
    private static readonly ApiGeneratorOptions s_options = new()
    {
        AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection", "Microsoft.AspNetCore.Builder"],
        ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
    };

    [TestCaseSource(nameof(s_packages))]
    public void PublicApi_Package_IsTheApprovedSurface(Assembly package)
    {
        var name = package.GetName().Name!;
        var folder = Path.Combine(Repository.Root, "Owlmetry.Issues.Tests", "Packaging", "PublicApi");
        var approvedPath = Path.Combine(folder, name + ".approved.txt");
        var receivedPath = Path.Combine(folder, name + ".received.txt");
        var received = package.GeneratePublicApi(s_options).ReplaceLineEndings("\n");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;

        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(approved is null
            ? $"No approved surface for {name}: review {receivedPath} and rename it to {Path.GetFileName(approvedPath)}."
            : $"The public surface of {name} changed: diff {approvedPath} {receivedPath}; if intended, replace the approved file.");
    }
}
