using System.Text.RegularExpressions;

namespace Owlmetry.Issues.Storage.PostgreSql.Schema;

/// <summary>
/// Schema names are written into SQL text (<c>search_path</c>, <c>CREATE SCHEMA</c>), where no parameter can stand:
/// only plain lowercase identifiers are accepted, so a name never needs quoting and never injects anything.
/// </summary>
internal static partial class SchemaName
{
    public const string Default = "owlmetry";

    public static bool IsValid(string? name) => name is not null && Identifier().IsMatch(name);

    public static string Validate(string? name, string parameterName) =>
        IsValid(name)
            ? name!
            : throw new ArgumentException(
                $"'{name}' is not a schema name this store accepts: a lowercase letter or '_', then up to 62 lowercase letters, digits or '_'.",
                parameterName);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
