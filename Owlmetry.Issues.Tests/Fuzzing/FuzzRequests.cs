using FsCheck;
using FsCheck.Fluent;

namespace Owlmetry.Issues.Tests.Fuzzing;

/// <summary>Requests to every route of the world's server: its path parameters, query, headers, credentials and body generated.</summary>
internal static class FuzzRequests
{
    private static readonly string[] s_queryKeys =
    [
        "status", "sort", "data_mode", "is_dev", "app_id", "team_id", "project_id", "issue_id", "event_id", "event_client_id", "cursor",
        "limit", "occurrence_cursor", "occurrence_limit", "t", "level", "session_id", "user_id", "environment", "screen_name", "since", "until",
        "order",
    ];

    private static readonly string[] s_queryValues =
    [
        "", "new", "resolved", "last_seen", "occurrences", "production", "all", "true", "yes", "-1", "0", "1", "200", "201",
        "99999999999999999999", "1e3", "abc", "%FF", "%ZZ", "%00", "%E0%A4%A", "eyJ0IjoxfQ", "AAAA____", "a+b%20c",
        "error", "info,error", ",,", "asc", "1h", "99999999999999999999d", "0s", "2024-01-15T14:30:00.000Z", "0001-01-01", "9999-12-31T23:59:59Z",
    ];

    private static readonly (string Name, string Value)[] s_headers =
    [
        ("X-Fuzz", new string('a', 16_384)), ("CF-IPCountry", "XX"), ("CF-IPCountry", "zz9"), ("Accept", "application/xml"),
        ("Accept", "*/*;q=nope"), ("If-None-Match", "*"), ("X-Forwarded-For", "not-an-address"), ("Cookie", "a=%FF"), ("Expect", "100-continue"),
    ];

    public static Gen<FuzzRequest> For(FuzzWorld world)
    {
        var ids = new FuzzIds(world);
        // Routes that read a body have the most parsers behind them, and ingest, open to every SDK, the most of all.
        return Gen.Frequency([.. world.Routes.Select(route => (Weight(route), For(route, world, ids)))]);
    }

    private static Gen<FuzzRequest> For(FuzzRoute route, FuzzWorld world, FuzzIds ids) =>
        from method in Gen.Frequency((12, Gen.Constant(route.Method)), (1, Gen.Elements("GET", "POST", "PUT", "PATCH", "DELETE")))
        from values in Sequence(route.Parameters.Select(ids.ForParameter))
        from query in Query(ids)
        from credential in Credential(route, world)
        from headers in Gen.Frequency((6, Gen.Constant(Array.Empty<(string, string)>())), (1, Gen.SubListOf(s_headers).Select(h => h.ToArray())))
        from body in method is "GET" or "DELETE"
            ? Gen.Frequency((8, Gen.Constant(FuzzBody.None)), (1, FuzzBodies.For(route, ids, world.Encodings)))
            : FuzzBodies.For(route, ids, world.Encodings)
        let path = route.Fill(name => values[route.Parameters.ToList().IndexOf(name)])
        select new FuzzRequest(route, method, path + query, credential, headers, body);

    private static int Weight(FuzzRoute route) =>
        route.Template.StartsWith("/v1/ingest", StringComparison.Ordinal) ? 6 : route.Method is "GET" or "DELETE" ? 1 : 3;

    /// <summary>Mostly a caller who may use the route (a client key for ingest, a user or agent otherwise), so requests reach the parsers.</summary>
    private static Gen<FuzzCredential> Credential(FuzzRoute route, FuzzWorld world)
    {
        var preferred = route.Template.StartsWith("/v1/ingest", StringComparison.Ordinal)
            ? world.Credentials.Where(c => c.Name == "client key")
            : world.Credentials.Where(c => c.Name is "owner token" or "agent key (every permission)");
        return Gen.Frequency((3, Gen.Elements(preferred.ToArray())), (1, Gen.Elements(world.Credentials.ToArray())));
    }

    private static Gen<string> Query(FuzzIds ids) =>
        Gen.Frequency(
            (3, Gen.Constant(string.Empty)),
            (4, from count in Gen.Choose(1, 4)
                from pairs in Gen.ListOf(Pair(ids), count)
                select "?" + string.Join('&', pairs)),
            (1, Gen.Constant($"?cursor={new string('a', 50_000)}&limit=5")));

    private static Gen<string> Pair(FuzzIds ids) =>
        from key in Gen.Frequency((8, Gen.Elements(s_queryKeys)), (1, Gen.Elements("", "%FF", "a[b]", "limit%00")))
        from value in Gen.Frequency((3, Gen.Elements(s_queryValues)), (1, ids.Id.Select(Uri.EscapeDataString)))
        select $"{key}={value}";

    private static Gen<string[]> Sequence(IEnumerable<Gen<string>> gens) =>
        gens.Aggregate(Gen.Constant(Array.Empty<string>()), (all, next) => from values in all from value in next select (string[])[.. values, value]);
}
