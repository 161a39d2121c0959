using FsCheck;
using FsCheck.Fluent;

namespace Owlmetry.Issues.Tests.Fuzzing;

/// <summary>Ids as they appear in paths, queries and bodies: the seeded team's, the other team's, unknown and malformed.</summary>
internal sealed class FuzzIds(FuzzWorld world)
{
    private static readonly string[] s_malformed =
    [
        "not-a-uuid", "12345", "0", "-1", "null", "undefined", "%20", "%FF", "%2F", "%252F", "..", "%2E%2E", "%7B%7D", "%C0%AF", "%C3%A9",
        "'%3B--", "00000000-0000-0000-0000-00000000000g", "00000000-0000-0000-0000-0000000000000", new string('a', 3_000),
    ];

    /// <summary>An id for a route parameter, on the wire.</summary>
    public Gen<string> ForParameter(string name) => Gen.Frequency(
        (6, world.Ids.TryGetValue(name, out var own) ? Gen.Constant(own.ToString()) : Unknown),
        (2, world.OtherTeamIds.TryGetValue(name, out var other) ? Gen.Constant(other.ToString()) : Unknown),
        (1, Unknown),
        (1, Gen.Elements(Variants(world.Ids.GetValueOrDefault(name, Guid.Empty)))),
        (3, Gen.Elements(s_malformed)));

    /// <summary>Any id, valid or not, unescaped, for bodies and queries.</summary>
    public Gen<string> Id => Gen.Frequency(
        (4, Gen.Elements(world.Ids.Values.Concat(world.OtherTeamIds.Values).Select(id => id.ToString()).ToArray())),
        (1, Unknown),
        (1, Gen.Elements("not-a-uuid", "12345", "", Guid.Empty.ToString("N"))));

    private static Gen<string> Unknown => Gen.Fresh(() => Guid.NewGuid().ToString());

    /// <summary>The same id written as .NET also parses it: upper case, without dashes, in braces.</summary>
    private static string[] Variants(Guid id) => [id.ToString().ToUpperInvariant(), id.ToString("N"), $"%7B{id}%7D", Guid.Empty.ToString()];
}
