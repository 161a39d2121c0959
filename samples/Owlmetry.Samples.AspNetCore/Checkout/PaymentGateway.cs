namespace Owlmetry.Samples.AspNetCore.Checkout;

public sealed class PaymentDeclinedException(string message) : Exception(message);

// Stands for the shop's payment provider: like a provider's test mode, it declines the card 4000 0000 0000 0002.
public sealed class PaymentGateway
{
    public const string DecliningCard = "4000000000000002";

    public string Charge(string cardNumber, decimal amount)
    {
        if (cardNumber.Replace(" ", "", StringComparison.Ordinal) == DecliningCard)
        {
            throw new PaymentDeclinedException("The card was declined");
        }

        return $"ch_{Guid.NewGuid():N}";
    }
}
