using System.CommandLine;

namespace Owlmetry.Issues.Cli.Commands;

internal static class CommentCommands
{
    public static Command Create(CliApp app)
    {
        var comments = CliApp.Command("comments", "Read and write an issue's comments (Markdown).", "owlmetry comments add 5d1e… \"Fixed by the retry in 2.4.1\"");
        comments.Subcommands.Add(List(app));
        comments.Subcommands.Add(Add(app));
        comments.Subcommands.Add(Edit(app));
        comments.Subcommands.Add(Delete(app));
        return comments;
    }

    private static Command List(CliApp app)
    {
        var issue = IssueCommands.IssueArgument();
        var command = CliApp.Command("list", "List an issue's comments, oldest first.", "owlmetry comments list 5d1e…", issue, app.ProjectOption);
        app.OnRun(command, async run =>
        {
            var comments = await run.Client.ListCommentsAsync(run.Project(app.ProjectOption), run.Value(issue), run.Ct);
            run.Output.Table(comments, ("id", c => c.Id.ToString()), ("author", c => c.AuthorName), ("at", c => IssueCommands.Time(c.CreatedAt)), ("body", c => c.Body));
        });
        return command;
    }

    private static Command Add(CliApp app)
    {
        var issue = IssueCommands.IssueArgument();
        var body = new Argument<string>("body") { Description = "The comment, in Markdown" };
        var command = CliApp.Command("add", "Comment on an issue.", "owlmetry comments add 5d1e… \"Looks like the DNS timeout again\"", issue, body, app.ProjectOption);
        app.OnRun(command, async run =>
        {
            var comment = await run.Client.AddCommentAsync(run.Project(app.ProjectOption), run.Value(issue), run.Value(body), run.Ct);
            run.Output.Show(comment, w => w.WriteLine($"Added comment {comment.Id}"));
        });
        return command;
    }

    private static Command Edit(CliApp app)
    {
        var issue = IssueCommands.IssueArgument();
        var comment = new Argument<Guid>("comment") { Description = "The comment id" };
        var body = new Argument<string>("body") { Description = "The new text" };
        var command = CliApp.Command("edit", "Edit one of your comments.", "owlmetry comments edit 5d1e… 0c4f… \"It was DNS after all\"", issue, comment, body, app.ProjectOption);
        app.OnRun(command, async run =>
        {
            var edited = await run.Client.EditCommentAsync(run.Project(app.ProjectOption), run.Value(issue), run.Value(comment), run.Value(body), run.Ct);
            run.Output.Show(edited, w => w.WriteLine($"Edited comment {edited.Id}"));
        });
        return command;
    }

    private static Command Delete(CliApp app)
    {
        var issue = IssueCommands.IssueArgument();
        var comment = new Argument<Guid>("comment") { Description = "The comment id" };
        var command = CliApp.Command("delete", "Delete a comment (yours, or any as a team admin).", "owlmetry comments delete 5d1e… 0c4f…", issue, comment, app.ProjectOption);
        app.OnRun(command, async run =>
        {
            await run.Client.DeleteCommentAsync(run.Project(app.ProjectOption), run.Value(issue), run.Value(comment), run.Ct);
            run.Output.Show(new { deleted = true }, w => w.WriteLine($"Deleted comment {run.Value(comment)}"));
        });
        return command;
    }
}
