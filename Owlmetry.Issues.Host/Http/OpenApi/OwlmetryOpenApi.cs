using Scalar.AspNetCore;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// The OpenAPI document an SDK author generates a client from, and the API reference page that renders it. Every
/// correction to what ASP.NET Core infers from the endpoints lives in this folder, as one transformer per concern.
/// </summary>
public static class OwlmetryOpenApi
{
    public const string DocumentPath = "/openapi/v1.json";

    public const string ReferencePath = "/docs";

    public static IServiceCollection AddOwlmetryOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<IntegerSchemaTransformer>();
            options.AddSchemaTransformer<DateTimeSchemaTransformer>();
            options.AddSchemaTransformer<RawJsonMemberSchemaTransformer>();
            options.AddSchemaTransformer<WireEnumSchemaTransformer>();
            options.AddSchemaTransformer<RequestBodySchemaTransformer>();
            options.AddSchemaTransformer<ResponseMemberSchemaTransformer>();
            options.AddSchemaTransformer<ProblemSchemaTransformer>();
            options.AddOperationTransformer<QueryParameterTransformer>();
            options.AddOperationTransformer<RequestBodyOperationTransformer>();
            options.AddOperationTransformer<SecurityTransformer>();
            options.AddDocumentTransformer<SecurityTransformer>();
            options.AddDocumentTransformer<LenientBodyTransformer>();
            options.AddDocumentTransformer<NamedEnumTransformer>();
        });

    public static WebApplication MapOwlmetryOpenApi(this WebApplication app)
    {
        // The one document by its fixed path: the default {documentName} route answers unknown names with a plain-text 404.
        app.MapOpenApi(DocumentPath);

        // The page loads the scalar.js embedded in the package, served under its own path, not from a CDN. What would
        // still reach out to scalar.com is off: the web fonts, the usage telemetry and the AI chat.
        app.MapScalarApiReference(ReferencePath, options => options
            .WithTitle("Owlmetry Issues API")
            .WithOpenApiRoutePattern(DocumentPath)
            .AddPreferredSecuritySchemes(SecurityTransformer.BearerScheme)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent());
        return app;
    }
}
