namespace Owlmetry.Issues.Host.Backups;

/// <summary>Options of the form <c>--name value</c> or <c>--name=value</c>, each named at most once, from a fixed set.</summary>
internal static class CommandOptions
{
    /// <returns>The options given, by name without dashes; null when an argument is unknown, repeated or has no value.</returns>
    public static Dictionary<string, string>? Parse(IReadOnlyList<string> args, params string[] names)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], i + 1 < args.Count ? args[++i] : "");
            if (!name.StartsWith("--", StringComparison.Ordinal) || !names.Contains(name[2..]) || string.IsNullOrWhiteSpace(value)
                || !options.TryAdd(name[2..], value))
            {
                return null;
            }
        }

        return options;
    }
}
