using Npgsql;
using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Host.Directory.PostgreSql;

/// <summary>The directory's records read from their rows; each column list matches its reader.</summary>
internal static class DirectoryRows
{
    public const string UserColumns = "id, email, name, password_hash, created_at";
    public const string TeamColumns = "id, name, slug, created_at";
    public const string MembershipColumns = "team_id, user_id, role, created_at";
    public const string ProjectColumns = "id, team_id, name, slug, issue_alert_frequency, created_at, deleted_at, color";
    public const string AppColumns = "id, project_id, name, platform, bundle_id, created_at";
    public const string KeyColumns = "id, name, key_type, secret_hash, team_id, app_id, permissions, created_by_user_id, created_at, expires_at, revoked_at";

    public static User ToUser(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), Time(r, 4));

    public static Team ToTeam(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetString(1), r.GetString(2), Time(r, 3));

    public static Membership ToMembership(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), Enum.Parse<TeamRole>(r.GetString(2)), Time(r, 3));

    public static Project ToProject(NpgsqlDataReader r) =>
        new(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), Text(r, 4), Time(r, 5), OptionalTime(r, 6), Text(r, 7));

    public static App ToApp(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), Text(r, 4), Time(r, 5));

    public static ApiKey ToKey(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), Enum.Parse<ApiKeyType>(r.GetString(2)), r.GetString(3), r.GetGuid(4), OptionalId(r, 5),
        r.GetFieldValue<string[]>(6), OptionalId(r, 7), Time(r, 8), OptionalTime(r, 9), OptionalTime(r, 10));

    private static DateTimeOffset Time(NpgsqlDataReader r, int ordinal) => r.GetFieldValue<DateTimeOffset>(ordinal);

    private static DateTimeOffset? OptionalTime(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : Time(r, ordinal);

    private static Guid? OptionalId(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetGuid(ordinal);

    private static string? Text(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
