using System.CommandLine;

namespace Owlmetry.Issues.Cli;

/// <summary>
/// The values the API takes for the options that have a fixed set, offered by shell completion (System.CommandLine's
/// <c>[suggest]</c> directive, which <c>dotnet-suggest</c> calls). They only suggest: the server still checks a value,
/// and its refusal (exit code 1) names the values it takes. A test keeps these lists equal to the server's.
/// </summary>
internal static class CompletionValues
{
    public static readonly string[] Statuses = ["new", "in_progress", "resolved", "silenced", "regressed", "snoozed"];

    public static readonly string[] Sorts = ["last_seen", "last_activity", "first_seen", "occurrences", "users"];

    public static readonly string[] DataModes = ["production", "development", "all"];

    public static readonly string[] Claims = ["mine", "held", "none"];

    public static readonly string[] Roles = ["owner", "admin", "member"];

    public static readonly string[] KeyTypes = ["agent", "client"];

    public static readonly string[] Permissions =
    [
        "issues:read", "issues:write", "events:read", "events:write", "projects:read", "projects:write", "apps:read", "apps:write",
        "jobs:read", "jobs:write", "audit_logs:read",
    ];

    /// <summary>Offers the <paramref name="values"/> that start with what is typed when the option's value is completed; returns the option.</summary>
    public static Option<T> Suggesting<T>(this Option<T> option, string[] values)
    {
        // By prefix: System.CommandLine's own filter keeps any value containing the word, so "re" would offer in_progress.
        option.CompletionSources.Add(context => values.Where(v => v.StartsWith(context.WordToComplete, StringComparison.Ordinal)));
        return option;
    }
}
