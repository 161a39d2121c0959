using Npgsql;
using NpgsqlTypes;

namespace Owlmetry.Issues.Host.Storage.PostgreSql;

/// <summary>
/// Typed positional parameters of the server's tables. Times are kept at millisecond precision, as the LiteDB
/// store keeps them, so a record reads back equal on both; enums go by member name.
/// </summary>
internal static class Param
{
    public static NpgsqlParameter Text(string? value) => new NpgsqlParameter<string?> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter Id(Guid? value) => new NpgsqlParameter<Guid?> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Uuid };

    public static NpgsqlParameter Ids(IEnumerable<Guid> values) =>
        new NpgsqlParameter<Guid[]> { TypedValue = [.. values.Distinct()], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };

    public static NpgsqlParameter Texts(IEnumerable<string> values) =>
        new NpgsqlParameter<string[]> { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    public static NpgsqlParameter Int(int? value) => new NpgsqlParameter<int?> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Integer };

    public static NpgsqlParameter Time(DateTimeOffset? value) => new NpgsqlParameter<DateTimeOffset?>
    {
        TypedValue = value is { } time ? DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds()) : null,
        NpgsqlDbType = NpgsqlDbType.TimestampTz,
    };

    public static NpgsqlParameter Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Text(value.ToString());
}
