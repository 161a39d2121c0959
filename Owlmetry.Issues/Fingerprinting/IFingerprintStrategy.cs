namespace Owlmetry.Issues.Fingerprinting;

/// <summary>Decides how error events are grouped into issues.</summary>
public interface IFingerprintStrategy
{
    /// <summary>Computes the fingerprint of one error event.</summary>
    /// <param name="input">The event parts that take part in grouping.</param>
    /// <returns>The fingerprint; equal hashes mean the same issue within one app and dev/prod mode.</returns>
    Fingerprint Compute(FingerprintInput input);
}
