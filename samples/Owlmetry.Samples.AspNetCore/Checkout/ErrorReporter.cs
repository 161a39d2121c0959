using System.Globalization;
using Owlmetry.Issues.Ingest;
using Owlmetry.Samples.AspNetCore.Accounts;

namespace Owlmetry.Samples.AspNetCore.Checkout;

// Records the shop's own errors into the issue library, as error events of the tenant's app. The background scan files
// them as issues within a few seconds; the tenant's users see them through the Issues API.
public sealed class ErrorReporter(EventIngestor ingestor, TimeProvider time, ILogger<ErrorReporter> logger)
{
    #region RecordError
    public async Task ReportAsync(ShopTenant tenant, ShopUser user, Exception exception, string module, CancellationToken ct)
    {
        IncomingEvent error = new()
        {
            Message = $"{exception.GetType().Name}: {exception.Message}",
            Level = "error",
            SessionId = Guid.NewGuid().ToString(),          // one checkout, one session: an issue counts sessions
            ClientEventId = Guid.NewGuid().ToString(),
            UserId = user.Id.ToString(),
            SourceModule = module,
            Environment = "backend",
            Timestamp = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            CustomAttributes = new Dictionary<string, string> { ["_error_type"] = exception.GetType().FullName! },
        };

        // Durable when IngestAsync returns. A store that fails is logged by IngestAsync and thrown; caught here, so a
        // lost report never changes the customer's answer (cancellation still ends the request).
        try
        {
            var result = await ingestor.IngestAsync(new IngestSource(tenant.AppId, tenant.ProjectId, Platform: "backend"), [error], ct);
            if (!result.IsSuccess || result.Value.Rejected > 0)
            {
                logger.LogWarning("An error report was refused: {Reason}", result.IsSuccess ? result.Value.Errors[0].Message : result.Error.Message);
            }
        }
        catch (Exception storeFailure) when (storeFailure is not OperationCanceledException)
        {
            logger.LogError(storeFailure, "An error report was lost: the issue store failed");
        }
    }
    #endregion
}
