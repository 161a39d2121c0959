using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Owlmetry.Issues.Host.Backups;
using Owlmetry.Issues.Host.Endpoints;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// The bearer credential every authorized route takes (an API key or a user's token), and the backup token of the one
/// route that takes its own; anonymous routes (login, health, a signed download) list no requirement.
/// </summary>
internal sealed class SecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string BearerScheme = "bearer";

    public const string BackupTokenScheme = "backupToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key (owl_client_… to send events and attachments, owl_agent_… to read and triage) "
                + "or a user's token from POST /v1/auth/login.",
        };
        document.Components.SecuritySchemes[BackupTokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The server's backup token, from its data directory; it opens the backup route only.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var scheme = metadata.OfType<IAllowAnonymous>().Any() ? null
            : metadata.OfType<IAuthorizeData>().Any() ? BearerScheme
            : "/" + context.Description.RelativePath == BackupEndpoints.Route ? BackupTokenScheme
            : null;
        if (scheme is not null)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
        }

        return Task.CompletedTask;
    }
}
