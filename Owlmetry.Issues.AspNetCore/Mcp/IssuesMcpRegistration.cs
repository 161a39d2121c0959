namespace Owlmetry.Issues.AspNetCore.Mcp;

/// <summary>
/// Says that <c>AddMcp</c> registered the API's MCP tools and transport, so that <c>MapOwlmetryIssuesMcp</c> can name
/// the missing call instead of the MCP SDK's advice to register a transport of one's own.
/// </summary>
internal sealed class IssuesMcpRegistration;
