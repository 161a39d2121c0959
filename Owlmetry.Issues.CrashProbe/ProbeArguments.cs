using System.Globalization;

namespace Owlmetry.Issues.CrashProbe;

internal sealed record ProbeArguments(string DatabasePath, Guid TeamId, Guid ProjectId, Guid AppId, int Seed, TimeSpan MaxDuration)
{
    public const string Usage = "Usage: Owlmetry.Issues.CrashProbe DB TEAM_ID PROJECT_ID APP_ID SEED [MAX_SECONDS]";

    public static bool TryParse(IReadOnlyList<string> args, out ProbeArguments arguments)
    {
        arguments = null!;
        if (args.Count is < 5 or > 6
            || !Guid.TryParse(args[1], out var teamId)
            || !Guid.TryParse(args[2], out var projectId)
            || !Guid.TryParse(args[3], out var appId)
            || !int.TryParse(args[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            return false;
        }

        var seconds = 120;
        if (args.Count == 6 && !int.TryParse(args[5], NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
        {
            return false;
        }

        arguments = new ProbeArguments(args[0], teamId, projectId, appId, seed, TimeSpan.FromSeconds(seconds));
        return true;
    }
}
