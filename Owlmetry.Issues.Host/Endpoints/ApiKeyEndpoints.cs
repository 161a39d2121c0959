using Microsoft.AspNetCore.Http.HttpResults;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Contracts;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Host.Endpoints;

public static class ApiKeyEndpoints
{
    public static async Task<Results<Created<CreateApiKeyResponse>, ProblemHttpResult>> CreateKey(CreateApiKeyRequest? body, CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.CreateKeyAsync(caller.Actor, body, ct)).ToCreated(k => $"/v1/auth/keys/{k.Key.Id}", DirectoryContracts.ToResponse);

    public static async Task<Results<Ok<ApiKeyListResponse>, ProblemHttpResult>> ListKeys(CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.ListKeysAsync(caller.Actor, ct)).ToHttp(DirectoryContracts.ToResponse);

    public static async Task<Results<Ok<DeletedResponse>, ProblemHttpResult>> RevokeKey(Guid keyId, CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.RevokeKeyAsync(caller.Actor, keyId, ct)).ToHttp(_ => new DeletedResponse(true));
}
