using System.Diagnostics.CodeAnalysis;

namespace Owlmetry.Issues.Errors;

/// <summary>The outcome of an operation: a value, or an <see cref="IssueError"/>.</summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly struct IssueResult<T>
{
    private readonly T? _value;

    private IssueResult(T? value, IssueError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The error, or null on success.</summary>
    public IssueError? Error { get; }

    /// <summary>Whether the operation succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws when the operation failed.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"The operation failed: {Error.Message}");

    /// <summary>A successful result.</summary>
    public static IssueResult<T> Success(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static IssueResult<T> Failure(IssueError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Wraps a value.</summary>
    public static implicit operator IssueResult<T>(T value) => Success(value);

    /// <summary>Wraps an error.</summary>
    public static implicit operator IssueResult<T>(IssueError error) => Failure(error);

    /// <summary>Maps the value of a successful result; passes an error through.</summary>
    public IssueResult<TOut> Map<TOut>(Func<T, TOut> map) =>
        IsSuccess ? IssueResult<TOut>.Success(map(_value!)) : IssueResult<TOut>.Failure(Error);

    /// <summary>Returns the value or the error, whichever there is.</summary>
    public TOut Match<TOut>(Func<T, TOut> success, Func<IssueError, TOut> failure) =>
        IsSuccess ? success(_value!) : failure(Error);

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Success({_value})" : $"Failure({Error.Kind}: {Error.Message})";
}
