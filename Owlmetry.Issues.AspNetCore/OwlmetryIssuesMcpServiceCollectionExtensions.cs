using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.AspNetCore.Mcp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Issues API's MCP tools.</summary>
public static class OwlmetryIssuesMcpServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Issues API's tools for agents to the application's MCP server, over the stateless Streamable HTTP
    /// transport: list issues, read one, change its status, merge two, and add, edit or delete comments. Each tool
    /// authorizes the caller exactly as the HTTP API does, through the registered
    /// <see cref="Owlmetry.Issues.AspNetCore.Auth.IActorResolver"/>. Map the endpoint with
    /// <c>app.MapOwlmetryIssuesMcp("/mcp")</c>. An application with MCP tools of its own serves them on the same endpoint.
    /// </summary>
    /// <param name="builder">What <c>AddOwlmetryIssuesApi</c> returned.</param>
    /// <returns>The same builder.</returns>
    public static IOwlmetryIssuesApiBuilder AddMcp(this IOwlmetryIssuesApiBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMcpServer()
            .WithHttpTransport(o => o.Stateless = true)
            .WithTools([typeof(IssueTools)])
            .WithRequestFilters(filters => filters.AddCallToolFilter(ToolArgumentCheck.Filter));
        return builder;
    }
}
