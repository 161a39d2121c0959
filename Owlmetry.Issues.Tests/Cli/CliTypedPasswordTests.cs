using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Cli;

/// <summary>
/// A password the tool asks for at a terminal is typed after a prompt on standard error and never shown; from a pipe it
/// is a line of standard input, with no prompt, as a script gives it.
/// </summary>
public sealed class CliTypedPasswordTests : CliApiFixture
{
    // The test team's users' password.
    private const string Password = "correct horse battery staple";

    private static readonly ConsoleKeyInfo s_enter = new('\r', ConsoleKey.Enter, shift: false, alt: false, control: false);
    private static readonly ConsoleKeyInfo s_backspace = new('\b', ConsoleKey.Backspace, shift: false, alt: false, control: false);
    private static readonly ConsoleKeyInfo s_ctrlC = new('\u0003', ConsoleKey.C, shift: false, alt: false, control: true);

    [Test]
    public async Task Login_WithEmailAtATerminal_PromptsOnStandardError_ShowsNothingTyped_AndBackspaceTakesBackAKey()
    {
        // A Backspace with nothing typed yet, then a slip ("staplx") taken back: the login succeeds only if both were read right.
        var keys = new[] { s_backspace }.Concat(Typed(Password[..^1] + "x")).Append(s_backspace).Concat(Typed("e")).Append(s_enter);

        var run = await RunAtTerminalAsync(LoginWithEmail(Team.Users[TeamRole.Owner].User.Email), keys);

        Assert.That(run.Exit, Is.Zero, run.ToString());
        Assert.That(run.Error, Is.EqualTo("Password: \n"), "the prompt, the line break the terminal did not echo, and nothing typed");
        Assert.That(run.Out, Does.StartWith("Logged in to").And.Not.Contain("correct"), run.ToString());
    }

    [Test]
    public async Task Login_TokenStdinAtATerminal_PromptsAndShowsNothingTyped()
    {
        var key = await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read);

        var run = await RunAtTerminalAsync(["login", "--server", Factory.Server.BaseAddress.ToString(), "--token-stdin"], Typed(key).Append(s_enter));

        Assert.That(run.Exit, Is.Zero, run.ToString());
        Assert.That(run.Error, Is.EqualTo("Token: \n"), "the prompt, and nothing of the key typed");
        Assert.That(run.Out, Does.Not.Contain(key), run.ToString());
    }

    [Test]
    public async Task Login_TokenStdinAtATerminal_NothingTyped_SaysNoTokenWasTyped()
    {
        var run = await RunAtTerminalAsync(["login", "--server", Factory.Server.BaseAddress.ToString(), "--token-stdin"], [s_enter]);

        Assert.That(run.Exit, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Is.EqualTo("Token: \nerror: No token typed.\n"), "the refusal speaks of the prompt, not of a pipe");
    }

    [Test]
    public async Task Login_NeitherATokenNorAnEmailAtATerminal_SaysToTypeThePasswordWhenAsked()
    {
        var run = await RunAtTerminalAsync(["login", "--server", Factory.Server.BaseAddress.ToString()], []);

        Assert.That(run.Exit, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Is.EqualTo("error: Pass --token KEY (or --token-stdin), or --email ADDRESS and type the password when asked.\n"),
            "the refusal speaks of the prompt, not of a pipe");
    }

    [Test]
    public async Task Login_CtrlCAtThePasswordPrompt_ExitsWith130_AndSavesNothing()
    {
        var run = await RunAtTerminalAsync(LoginWithEmail(Team.Users[TeamRole.Owner].User.Email), Typed("corr").Append(s_ctrlC));

        Assert.That(run.Exit, Is.EqualTo(130), run.ToString());
        Assert.That(run.Error, Is.EqualTo("Password: \n"), run.ToString());
        Assert.That(File.Exists(Path.Combine(ConfigDirectory, "profiles.json")), Is.False);
    }

    [Test]
    public async Task Login_WithEmailFromAPipe_ReadsALine_WithoutAPrompt()
    {
        var run = await RunAsync(LoginWithEmail(Team.Users[TeamRole.Owner].User.Email), Password + "\n");

        Assert.That(run.Exit, Is.Zero, run.ToString());
        Assert.That(run.Error, Is.Empty, "a prompt on standard error of a script");
    }

    [Test]
    public async Task UsersChangePassword_AtATerminal_PromptsForTheCurrentAndTheNewPassword()
    {
        var member = Team.Users[TeamRole.Member].User;
        var login = await RunAsync(LoginWithEmail(member.Email), Password + "\n");
        Assert.That(login.Exit, Is.Zero, login.ToString());

        var change = await RunAtTerminalAsync(["users", "change-password"], Typed(Password).Append(s_enter).Concat(Typed("a brand new passphrase")).Append(s_enter));
        var withTheNew = await RunAsync([.. LoginWithEmail(member.Email), "--profile", "again"], "a brand new passphrase\n");

        Assert.That(change.Exit, Is.Zero, change.ToString());
        Assert.That(change.Error, Is.EqualTo("Current password: \nNew password: \n"));
        Assert.That(withTheNew.Exit, Is.Zero, "the new password does not log in: " + withTheNew);
    }

    [Test]
    public async Task UsersChangePassword_AtATerminal_NothingTyped_SaysToTypeBothWhenAsked()
    {
        var login = await RunAsync(LoginWithEmail(Team.Users[TeamRole.Member].User.Email), Password + "\n");
        Assert.That(login.Exit, Is.Zero, login.ToString());

        var change = await RunAtTerminalAsync(["users", "change-password"], [s_enter, s_enter]);

        Assert.That(change.Exit, Is.EqualTo(2), change.ToString());
        Assert.That(change.Error, Is.EqualTo("Current password: \nNew password: \nerror: Type the current and the new password when asked; neither may be empty.\n"),
            "the refusal speaks of the prompts, not of a pipe");
    }

    [Test]
    public async Task MembersAdd_ANewUserAtATerminal_PromptsForTheirPassword()
    {
        await LoginAsync(Team.Token(TeamRole.Owner));

        var add = await RunAtTerminalAsync(["members", "add", "new@example.com", "--name", "New Person"], Typed("a long enough password").Append(s_enter));
        var asTheNewUser = await RunAsync([.. LoginWithEmail("new@example.com"), "--profile", "new"], "a long enough password\n");

        Assert.That(add.Exit, Is.Zero, add.ToString());
        Assert.That(add.Error, Is.EqualTo("Password for the new user: \n"));
        Assert.That(asTheNewUser.Exit, Is.Zero, "the password typed does not log in: " + asTheNewUser);
    }

    private string[] LoginWithEmail(string email) => ["login", "--server", Factory.Server.BaseAddress.ToString(), "--email", email];

    // Letters, digits and spaces as the console reports them: ConsoleKey.A is 'A', ConsoleKey.D0 is '0', Spacebar ' '.
    private static IEnumerable<ConsoleKeyInfo> Typed(string text) =>
        text.Select(c => new ConsoleKeyInfo(c, (ConsoleKey)char.ToUpperInvariant(c), shift: char.IsUpper(c), alt: false, control: false));
}
