using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Owlmetry.Issues;

/// <summary>
/// The names the API and the stored data give an enum's values: the member's name in snake_case
/// (<c>InProgress</c> → <c>in_progress</c>), or the name its <see cref="JsonStringEnumMemberNameAttribute"/> gives.
/// Parsing is exact and case-sensitive, as the API is.
/// </summary>
internal static class WireNames
{
    /// <summary>The wire name of <paramref name="value"/>.</summary>
    /// <returns>The name; throws for a value the enum does not declare.</returns>
    public static string ToWireName<TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} declares no such value.");

    /// <summary>Parses a wire name of <typeparamref name="TEnum"/>.</summary>
    /// <returns><see langword="true"/> when <paramref name="name"/> is one of <see cref="All{TEnum}"/>.</returns>
    public static bool TryParse<TEnum>([NotNullWhen(true)] string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return name is not null && Names<TEnum>.ByName.TryGetValue(name, out value);
    }

    /// <summary>Every wire name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.InOrder;

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> InOrder = [.. Enum.GetValues<TEnum>().Select(NameOf)];
        public static readonly FrozenDictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().ToFrozenDictionary(value => value, NameOf);
        public static readonly FrozenDictionary<string, TEnum> ByName = ByValue.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

        private static string NameOf(TEnum value)
        {
            var member = value.ToString();
            return typeof(TEnum).GetField(member)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(member);
        }
    }
}
