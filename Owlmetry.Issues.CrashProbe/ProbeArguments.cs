using System.Globalization;
using Owlmetry.Issues.Storage.LiteDb;

namespace Owlmetry.Issues.CrashProbe;

internal sealed record ProbeArguments(string DatabasePath, Guid TeamId, Guid ProjectId, Guid AppId, int Seed, TimeSpan MaxDuration, LiteDbDurability Durability)
{
    public const string Usage = "Usage: Owlmetry.Issues.CrashProbe DB TEAM_ID PROJECT_ID APP_ID SEED [MAX_SECONDS [ProcessCrash|PowerLoss]]";

    public static bool TryParse(IReadOnlyList<string> args, out ProbeArguments arguments)
    {
        arguments = null!;
        if (args.Count is < 5 or > 7
            || !Guid.TryParse(args[1], out var teamId)
            || !Guid.TryParse(args[2], out var projectId)
            || !Guid.TryParse(args[3], out var appId)
            || !int.TryParse(args[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            return false;
        }

        var seconds = 120;
        if (args.Count >= 6 && !int.TryParse(args[5], NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
        {
            return false;
        }

        var durability = LiteDbDurability.ProcessCrash;
        if (args.Count == 7 && !Enum.TryParse(args[6], ignoreCase: false, out durability))
        {
            return false;
        }

        arguments = new ProbeArguments(args[0], teamId, projectId, appId, seed, TimeSpan.FromSeconds(seconds), durability);
        return true;
    }
}
