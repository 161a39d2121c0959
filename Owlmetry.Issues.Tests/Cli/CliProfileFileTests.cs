using System.Runtime.Versioning;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Cli;

/// <summary>
/// <c>profiles.json</c> holds credentials: whatever was left in the config folder, it is written readable by its owner
/// only, never into a folder that lets others in, and a folder the tool cannot write is one line saying so.
/// </summary>
[Platform(Exclude = "Win")]
[UnsupportedOSPlatform("windows")]
public sealed class CliProfileFileTests : CliApiFixture
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;
    private const UnixFileMode ReadableByAll = OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private string ProfilesFile => Path.Combine(ConfigDirectory, "profiles.json");

    [Test]
    public async Task Login_ALeftoverTemporaryFileReadableByAll_TheProfileIsStillOwnerOnly()
    {
        // What an earlier version, stopped between writing and moving, leaves behind; here made readable by all.
        var leftover = ProfilesFile + ".tmp";
        await File.WriteAllTextAsync(leftover, "{}");
        File.SetUnixFileMode(leftover, ReadableByAll);

        await LoginAsync(Team.Token(TeamRole.Owner));

        Assert.That(File.GetUnixFileMode(ProfilesFile), Is.EqualTo(OwnerOnlyFile), "profiles.json took the mode of the leftover profiles.json.tmp");
        Assert.That(Directory.GetFiles(ConfigDirectory), Is.EquivalentTo(new[] { ProfilesFile, leftover }), "a temporary file was left behind");
    }

    [Test]
    public async Task Login_DeletesATemporaryFileACrashLeftAnHourAgo_KeepsAFreshOneAndAnythingNamedOtherwise()
    {
        // Named as the store names its temporary files: one left by a crash two hours ago, and one another owlmetry is
        // writing now (moved over profiles.json in a moment).
        var crashed = $"{ProfilesFile}.{Guid.NewGuid():N}.tmp";
        var beingWritten = $"{ProfilesFile}.{Guid.NewGuid():N}.tmp";
        // Old and close to that name, but not the store's.
        var notTheStores = new[] { ProfilesFile + ".backup.tmp", ProfilesFile + ".tmp", Path.Combine(ConfigDirectory, $"other.json.{Guid.NewGuid():N}.tmp") };
        foreach (var file in notTheStores.Append(crashed).Append(beingWritten))
        {
            await File.WriteAllTextAsync(file, "{}");
        }

        foreach (var old in notTheStores.Append(crashed))
        {
            File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-2));
        }

        await LoginAsync(Team.Token(TeamRole.Owner));

        Assert.That(Directory.GetFiles(ConfigDirectory), Is.EquivalentTo(notTheStores.Append(beingWritten).Append(ProfilesFile)),
            "the crash's leftover was kept, or a file that is not one was deleted");
    }

    [Test]
    public async Task Login_ConfigFolderOthersMayEnter_ExitsTwoNamingTheFolderAndItsMode_AndSavesNothing()
    {
        File.SetUnixFileMode(ConfigDirectory, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var run = await RunAsync("login", "--server", Factory.Server.BaseAddress.ToString(), "--token", Team.Token(TeamRole.Owner));

        Assert.That(run.Exit, Is.EqualTo(2), "a credential was saved in a folder that lets others in:\n" + run);
        Assert.That(run.Error, Is.EqualTo(
            $"error: The config folder {ConfigDirectory} lets others in (mode 0755), and profiles.json holds credentials: "
            + $"run `chmod 700 {ConfigDirectory}`, or set OWLMETRY_CONFIG_DIR to a folder only you can enter.\n"));
        Assert.That(File.Exists(ProfilesFile), Is.False);
    }

    [Test]
    public async Task Login_ConfigFolderNotWritable_ExitsTwoWithOneLineNamingIt()
    {
        File.SetUnixFileMode(ConfigDirectory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            Assume.That(CanCreateAFileIn(ConfigDirectory), Is.False, "this user writes in any folder (root): nothing is refused");

            var run = await RunAsync("login", "--server", Factory.Server.BaseAddress.ToString(), "--token", Team.Token(TeamRole.Owner));

            Assert.That(run.Exit, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Is.EqualTo(
                $"error: Cannot save the profile in {ConfigDirectory}: permission denied. Set OWLMETRY_CONFIG_DIR to a folder you can write.\n"),
                "not one line saying what failed");
        }
        finally
        {
            File.SetUnixFileMode(ConfigDirectory, OwnerOnlyFolder);
        }
    }

    private static bool CanCreateAFileIn(string folder)
    {
        var probe = Path.Combine(folder, "probe");
        try
        {
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
