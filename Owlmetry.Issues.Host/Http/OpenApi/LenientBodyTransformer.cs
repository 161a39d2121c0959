using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Owlmetry.Issues.Ingest;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// The two bodies the server reads by hand rather than through a record: an ingest batch (read leniently, so that
/// one malformed event fails alone: <see cref="IngestRequestReader"/>) and an attachment's raw bytes. Their schemas
/// are written here from the same rules and limits the server applies.
/// </summary>
internal sealed class LenientBodyTransformer : IOpenApiDocumentTransformer
{
    private const string IngestOperation = "Ingest";
    private const string UploadOperation = "UploadAttachment";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var operations = (document.Paths ?? [])
            .SelectMany(path => path.Value.Operations ?? [])
            .Select(o => o.Value)
            .ToDictionary(o => o.OperationId ?? string.Empty, StringComparer.Ordinal);
        if (operations.TryGetValue(IngestOperation, out var ingest))
        {
            document.AddComponent<IOpenApiSchema>("IngestEvent", IngestEvent());
            document.AddComponent<IOpenApiSchema>("IngestRequest", IngestRequest(document));
            ingest.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference("IngestRequest", document) },
                },
            };
        }

        if (operations.TryGetValue(UploadOperation, out var upload))
        {
            upload.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "Exactly the reserved size_bytes, whose SHA-256 is the reserved sha256; any content type, gzip allowed.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/octet-stream"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            };
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema IngestRequest(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "events" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["bundle_id"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null,
                Description = "The app's bundle id; required when the key's app has one, and it must match.",
            },
            ["events"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                MinItems = 1,
                MaxItems = EventRules.MaxBatchSize,
                Items = new OpenApiSchemaReference("IngestEvent", document),
                Description = "Each event is accepted or rejected on its own; the response counts both and says why each was rejected.",
            },
        },
    };

    private static OpenApiSchema IngestEvent()
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["message"] = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = EventRules.MaxMessageLength },
            ["level"] = WireEnum.EventLevel.Apply(new OpenApiSchema { Description = "Only error events are grouped into issues." }),
            ["session_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            ["client_event_id"] = NullableText("The SDK's id of the event, which its attachments name.", format: "uuid"),
            ["environment"] = WireEnum.Environment.Apply(new OpenApiSchema
            {
                Type = JsonSchemaType.Null,
                Description = "Must be one the app's platform allows (apple: ios, ipados, macos, watchos; the others their own name).",
            }),
            ["custom_attributes"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object | JsonSchemaType.Null,
                MaxProperties = EventRules.MaxAttributes,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String },
                Description = $"Keys of 1 to {EventRules.MaxAttributeKeyLength} characters; string values, cut (not refused) past 200 characters, or 16,000 for _error_stack.",
            },
            ["is_dev"] = new OpenApiSchema { Type = JsonSchemaType.Boolean | JsonSchemaType.Null, Description = "False when absent." },
            ["timestamp"] = NullableText(
                "When the event happened (ISO 8601): at most 5 minutes ahead of the server and 30 days behind; the time of receipt when absent.",
                format: "date-time"),
        };
        foreach (var (name, maxLength) in EventRules.MaxLengths)
        {
            properties[name] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, MaxLength = maxLength };
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "message", "level", "session_id" },
            Properties = properties,
        };
    }

    private static OpenApiSchema NullableText(string description, string format) =>
        new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = format, Description = description };
}
