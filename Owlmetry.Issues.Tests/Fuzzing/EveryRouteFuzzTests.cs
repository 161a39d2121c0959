using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Owlmetry.Issues.Tests.Fuzzing;

/// <summary>
/// Generated requests to every route of the server: never a 5xx; a 4xx is a problem body with a string <c>error</c>
/// and leaves the stores as they were. The seed is printed; <c>OWLMETRY_FUZZ_SEED</c> replays one and
/// <c>OWLMETRY_FUZZ_CASES</c> runs more cases.
/// </summary>
[Category("Fuzz")]
public sealed class EveryRouteFuzzTests
{
    private const string McpPath = "/mcp";

    private FuzzWorld _world = null!;

    [OneTimeSetUp]
    public async Task CreateWorldAsync() => _world = await FuzzWorld.CreateAsync();

    [OneTimeTearDown]
    public void DisposeWorld() => _world.Dispose();

    [Test]
    public void AnyRequest_ToAnyRoute_IsNever5xxAndARefusalIsAProblemThatChangesNothing()
    {
        var seed = FuzzSettings.Seed;
        var cases = FuzzSettings.Cases;
        TestContext.Progress.WriteLine(
            $"Fuzzing {_world.Routes.Count} routes with {cases} cases, seed {seed} "
            + $"(replay: {FuzzSettings.SeedVariable}={seed}; more cases: {FuzzSettings.CasesVariable}=N)");
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));

        var property = Prop.ForAll(FuzzRequests.For(_world).ToArbitrary(), (FuzzRequest request) => CheckAsync(request, seed).GetAwaiter().GetResult());

        Check.One(config, property);
    }

    private async Task CheckAsync(FuzzRequest request, ulong seed)
    {
        var before = await StoreFingerprint.TakeAsync(_world);
        HttpResponseMessage response;
        try
        {
            response = await _world.Client.SendAsync(request.ToMessage());
        }
        catch (Exception e)
        {
            throw new AssertionException(Report(seed, request, $"the server threw {e}"));
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var answer = $"{status} {response.Content.Headers.ContentType}: {FuzzRequest.Shorten(text, 1_000)}";
            if (status >= 500)
            {
                throw new AssertionException(Report(seed, request, $"a server error: {answer}"));
            }

            if (status < 400)
            {
                return;
            }

            if (!HasErrorMember(text, request.Route))
            {
                throw new AssertionException(Report(seed, request, $"a refusal without a string error member: {answer}"));
            }

            var after = await StoreFingerprint.TakeAsync(_world);
            if (after != before)
            {
                throw new AssertionException(Report(seed, request, $"a refusal that changed the stores: {answer}\nbefore:\n{before}\nafter:\n{after}"));
            }
        }
    }

    /// <summary>
    /// A string <c>error</c>; on the MCP endpoint, whose protocol is JSON-RPC, the SDK's refusals of a request it cannot
    /// take (not acceptable, malformed message) are JSON-RPC errors instead: an <c>error</c> object with a string
    /// <c>message</c>. A refusal by the server's own pipeline there (401) is still a problem with a string <c>error</c>.
    /// </summary>
    private static bool HasErrorMember(string text, FuzzRoute route)
    {
        try
        {
            using var body = JsonDocument.Parse(text);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("error", out var error))
            {
                return false;
            }

            var message = route.Template == McpPath && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var inner)
                ? inner
                : error;
            return message.ValueKind == JsonValueKind.String && message.GetString() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Report(ulong seed, FuzzRequest request, string answer) =>
        $"{request}\nanswered with {answer}\nreplay with {FuzzSettings.SeedVariable}={seed} {FuzzSettings.CasesVariable}={FuzzSettings.Cases}";
}
