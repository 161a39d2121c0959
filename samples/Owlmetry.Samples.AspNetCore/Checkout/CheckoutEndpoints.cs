using System.Security.Claims;
using Owlmetry.Samples.AspNetCore.Accounts;

namespace Owlmetry.Samples.AspNetCore.Checkout;

// The shop's own JSON (ASP.NET Core's defaults, which the Issues API leaves alone): {"cardNumber": "…", "amount": 12.5}.
public sealed record CheckoutRequest(string? CardNumber, decimal Amount);

public sealed record CheckoutReceipt(string ChargeId, decimal Amount);

// The shop's own route: a checkout charges the card; a declined payment is answered 402 and recorded as an error of
// the tenant's app.
public static class CheckoutEndpoints
{
    public static IEndpointRouteBuilder MapCheckout(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/shop/checkout", CheckoutAsync).RequireAuthorization();
        return routes;
    }

    private static async Task<IResult> CheckoutAsync(
        CheckoutRequest request, ClaimsPrincipal principal, ShopAccounts accounts, PaymentGateway payments, ErrorReporter errors, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || accounts.FindById(userId) is not { } user
            || accounts.FindTenant(user.TenantId) is not { } tenant)
        {
            return Results.Unauthorized();
        }

        if (string.IsNullOrWhiteSpace(request.CardNumber) || request.Amount <= 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A card number and a positive amount are required");
        }

        #region ReportCheckoutError
        try
        {
            return Results.Ok(new CheckoutReceipt(payments.Charge(request.CardNumber, request.Amount), request.Amount));
        }
        catch (PaymentDeclinedException exception)
        {
            // The customer is told; the tenant's team finds it among its issues, with how often it happens.
            await errors.ReportAsync(tenant, user, exception, typeof(CheckoutEndpoints).FullName!, ct);
            return Results.Problem(statusCode: StatusCodes.Status402PaymentRequired, title: "Payment declined", detail: exception.Message);
        }
        #endregion
    }
}
