namespace Owlmetry.Samples.Worker.Orders;

// Stands in for a payment provider's client: declines one card, and is too slow once for another order.
public sealed class PaymentService
{
    private readonly HashSet<int> _timedOut = [];

    public async Task ChargeAsync(Order order, CancellationToken ct)
    {
        await Task.Yield();
        ct.ThrowIfCancellationRequested();
        if (order.Id == 1003)
        {
            throw new InvalidOperationException("The card was declined");
        }

        if (order.Id == 1004 && _timedOut.Add(order.Id))
        {
            throw new TimeoutException("The payment provider did not answer within 10 s");
        }
    }
}
