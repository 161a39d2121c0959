namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>One step of a generated sequence, run the same way on each side.</summary>
internal abstract record WorldCommand
{
    /// <summary>How far the shared clock moves before the step, on top of the tick every step gets.</summary>
    public virtual TimeSpan ClockAdvance => TimeSpan.Zero;

    /// <summary>Runs the step on <paramref name="side"/>, whose state before it is <paramref name="before"/>.</summary>
    /// <returns>The result as text: <c>ok: …</c>, or the error's kind and message.</returns>
    public abstract Task<string> RunAsync(ProviderSide side, StateView before);

    public abstract override string ToString();
}
