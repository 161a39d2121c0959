using System.Reflection;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.AspNetCore.Mcp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Issues API's MCP tools.</summary>
public static class OwlmetryIssuesMcpServiceCollectionExtensions
{
    // A tool's input schema says that it takes no argument it does not name, as ToolArgumentCheck enforces.
    private static readonly McpServerToolCreateOptions s_toolOptions = new()
    {
        SchemaCreateOptions = new AIJsonSchemaCreateOptions { TransformOptions = new AIJsonSchemaTransformOptions { DisallowAdditionalProperties = true } },
    };

    /// <summary>
    /// Adds the Issues API's tools for agents to the application's MCP server, over the stateless Streamable HTTP
    /// transport: list issues, read one, change its status, merge two, add, edit or delete comments, and claim the next
    /// unclaimed issue or a given one, renew the claim or release it (work leases for agents triaging in parallel). Each
    /// tool authorizes the caller exactly as the HTTP API does, through the registered
    /// <see cref="Owlmetry.Issues.AspNetCore.Auth.IActorResolver"/>. An argument a tool does not take, a missing one or
    /// one of the wrong type is a tool error naming it; a <c>tools/call</c> without a tool's name or with arguments that
    /// are not an object, or naming a tool the server does not have, is a JSON-RPC invalid params error (-32602). The
    /// server reports itself as <c>owlmetry-issues</c> with this package's version unless the application sets
    /// <see cref="McpServerOptions.ServerInfo"/>. Map the endpoint with <c>app.MapOwlmetryIssuesMcp("/mcp")</c>. An
    /// application with MCP tools of its own serves them on the same endpoint.
    /// </summary>
    /// <param name="builder">What <c>AddOwlmetryIssuesApi</c> returned.</param>
    /// <returns>The same builder.</returns>
    public static IOwlmetryIssuesApiBuilder AddMcp(this IOwlmetryIssuesApiBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IssuesMcpRegistration>();
        builder.Services.AddMcpServer()
            .WithHttpTransport(o => o.Stateless = true)
            .WithTools(typeof(IssueTools).GetMethods().Where(m => m.IsDefined(typeof(McpServerToolAttribute))).Select(m => McpServerTool.Create(m, options: s_toolOptions)))
            .WithMessageFilters(filters => filters.AddIncomingFilter(ToolCallCheck.Filter))
            .WithRequestFilters(filters => filters.AddCallToolFilter(ToolArgumentCheck.Filter));
        builder.Services.Configure<McpServerOptions>(o => o.ServerInfo ??= new Implementation
        {
            Name = "owlmetry-issues",
            Title = "Owlmetry Issues",
            Version = typeof(IssueTools).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion,
        });
        return builder;
    }
}
