using System.Security.Cryptography;

namespace Owlmetry.Issues.Domain;

/// <summary>
/// Version 7 ids (RFC 9562: the Unix time in milliseconds, then 74 bits), laid out as
/// <see cref="Guid.CreateVersion7(DateTimeOffset)"/> lays them out, that sort in the order this process made them when
/// they share a millisecond. Lists break ties of time on the id, and a burst of comments, the issues of one scan unit,
/// or everything made under a test's frozen clock share one: with 74 random bits they came back in any order. So the
/// first 42 of those bits are a counter of the process (RFC 9562 §6.2, method 1), started at a random value, and the
/// last 32 random. Ids of different processes made in the same millisecond still differ by the counter's random start
/// and the random bits, and order among them is arbitrary, as before.
/// </summary>
/// <remarks>
/// The random bits come from the operating system's cryptographic generator like the framework's, but a thread's
/// 4,000 bytes at a time: the framework asks the kernel once per id, about 1.7 µs each on the 2-core machines the server
/// targets, and ingest and the scan make one or two ids per event.
/// </remarks>
internal static class TimeOrderedIds
{
    private const int CounterBits = 42;
    private const long CounterMask = (1L << CounterBits) - 1;
    private const int RandomBytesPerId = 4;
    private const int IdsPerRefill = 1_000;

    // Started in the counter's lower half: 2^41 ids before it wraps and the order of a shared millisecond breaks once.
    private static long s_counter = RandomNumberGenerator.GetInt32(int.MaxValue) * (1L << (CounterBits - 1 - 31));

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_next;

    public static Guid New(DateTimeOffset at)
    {
        var milliseconds = at.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(at));
        var counter = Interlocked.Increment(ref s_counter) & CounterMask;
        var random = TakeRandomBytes();
        return new Guid(
            (int)(milliseconds >> 16),
            (short)milliseconds,
            (short)(0x7000 | (int)(counter >> 30)),
            (byte)(0x80 | (int)((counter >> 24) & 0x3F)),
            (byte)(counter >> 16),
            (byte)(counter >> 8),
            (byte)counter,
            random[0],
            random[1],
            random[2],
            random[3]);
    }

    private static ReadOnlySpan<byte> TakeRandomBytes()
    {
        var buffer = t_random ??= new byte[RandomBytesPerId * IdsPerRefill];
        if (t_next == 0)
        {
            RandomNumberGenerator.Fill(buffer);
        }

        var taken = buffer.AsSpan(t_next, RandomBytesPerId);
        t_next = (t_next + RandomBytesPerId) % buffer.Length;
        return taken;
    }
}
