using Owlmetry.Samples.Worker.Reporting;

namespace Owlmetry.Samples.Worker.Orders;

public sealed class OrderImportWorker(
    PaymentService payments, IssueReports issues, IHostApplicationLifetime lifetime, ILogger<OrderImportWorker> logger) : BackgroundService
{
    // Today's orders, as an import would read them from a file or a queue.
    private static readonly Order[] s_orders =
    [
        new(1001, "alice@example.com", 25.00m),
        new(1002, null, 40.00m),                  // no customer: an error logged
        new(1003, "carol@example.com", 19.90m),   // the card is declined: an exception logged
        new(1004, "dave@example.com", 12.50m),    // the first charge times out: an exception reported, then retried
        new(1005, null, 8.00m),                   // no customer again: the same issue
        new(1006, "frank@example.com", 0.00m),    // a warning, which files nothing
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var imported = 0;
        foreach (var order in s_orders)
        {
            #region LogAndReport
            using var session = issues.BeginSession();
            try
            {
                if (await ImportAsync(order, stoppingToken))
                {
                    imported++;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Logged as an error with its exception: the logger provider files it as an issue.
                logger.LogError(exception, "Order {OrderId} could not be imported", order.Id);
            }
            #endregion
        }

        logger.LogInformation("Imported {Imported} of {Count} orders", imported, s_orders.Length);
        lifetime.StopApplication();
    }

    private async Task<bool> ImportAsync(Order order, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(order.Customer))
        {
            logger.LogError("Order {OrderId} has no customer", order.Id);
            return false;
        }

        if (order.Total == 0)
        {
            logger.LogWarning("Order {OrderId} is free of charge", order.Id);
            return true;
        }

        #region ReportHandled
        try
        {
            await payments.ChargeAsync(order, ct);
        }
        catch (TimeoutException exception)
        {
            // Handled: a second attempt usually goes through. How often the first one times out is still worth an
            // issue, so the exception is reported without logging an error.
            issues.Report(exception, typeof(PaymentService).FullName);
            await payments.ChargeAsync(order, ct);
        }
        #endregion

        return true;
    }
}
