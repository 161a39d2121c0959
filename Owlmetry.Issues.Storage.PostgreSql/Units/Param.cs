using Npgsql;
using NpgsqlTypes;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>
/// Typed positional parameters. Times go to <c>timestamptz</c> as UTC milliseconds, the precision the contract keeps
/// (Npgsql takes only offset-zero values); enums go by member name, so reordering an enum never changes a stored row.
/// </summary>
internal static class Param
{
    public static NpgsqlParameter Of<T>(T value) => new NpgsqlParameter<T> { TypedValue = value };

    public static NpgsqlParameter Text(string? value) => new NpgsqlParameter<string?> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter Id(Guid? value) => new NpgsqlParameter<Guid?> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Uuid };

    public static NpgsqlParameter Time(DateTimeOffset value) => new NpgsqlParameter<DateTimeOffset> { TypedValue = Millis(value), NpgsqlDbType = NpgsqlDbType.TimestampTz };

    public static NpgsqlParameter Time(DateTimeOffset? value) =>
        new NpgsqlParameter<DateTimeOffset?> { TypedValue = value is { } time ? Millis(time) : null, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    public static NpgsqlParameter Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Text(value.ToString());

    public static NpgsqlParameter Array<T>(T[] values, NpgsqlDbType elementType) =>
        new NpgsqlParameter<T[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | elementType };

    public static DateTimeOffset Millis(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
