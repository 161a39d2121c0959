using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Lifecycle;

namespace Owlmetry.Issues.Tests.Docs;

/// <summary>The text of docs/lifecycle.md, generated from the state machine.</summary>
internal static class LifecycleDocument
{
    public static string Render()
    {
        var rows = Enum.GetValues<IssueStatus>().Select(from =>
            $"| `{from.ToWireName()}` | {string.Join(", ", IssueLifecycle.AllowedTargets(from).Select(to => $"`{to.ToWireName()}`"))} |");
        return $"""
            # Issue lifecycle

            Generated from `IssueLifecycle` (the Stateless machine in `Owlmetry.Issues/Lifecycle/`) by
            `LifecycleDocumentTests`; do not edit by hand. `Regress` and `Wake` are fired only by the issue scan;
            every other trigger is a manual status change through the API. Resolving needs a non-empty
            `resolved_at_version`. A snooze has no end time: the issue's next occurrence wakes it (`Wake`, back to
            `new`), and time passing alone never does.

            ```mermaid
            {IssueLifecycle.ToMermaid().Trim()}
            ```

            ## Manual transitions

            | From | Allowed targets |
            |---|---|
            {string.Join("\n", rows)}

            """.ReplaceLineEndings("\n");
    }
}
