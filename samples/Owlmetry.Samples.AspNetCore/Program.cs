using Microsoft.AspNetCore.Authentication;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Samples.AspNetCore.Accounts;
using Owlmetry.Samples.AspNetCore.Checkout;

// A shop with tenants, users and an API-key authentication of its own, that files its errors as issues and serves
// the Owlmetry /v1 Issues API to its users.
var builder = WebApplication.CreateBuilder(args);

// The shop's own accounts and authentication: a user sends their key in the X-Api-Key header.
builder.Services.AddSingleton<ShopAccounts>();
builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
builder.Services.AddSingleton<PaymentGateway>();
builder.Services.AddSingleton<ErrorReporter>();

#region AddIssuesApi
// The Issues API, authenticated by the shop's scheme; the shop's users become the library's actors.
builder.Services.AddOwlmetryIssuesApi(o => o.AuthenticationScheme = ApiKeyAuthenticationHandler.SchemeName);
builder.Services.AddSingleton<IActorResolver, ShopActorResolver>();

// The library: issues on a LiteDB file (Issues:DataFile, else under the working directory), the shop's tenants as
// its teams and projects, and the scan in the background.
var dataFile = builder.Configuration["Issues:DataFile"] is { Length: > 0 } configured ? configured : "owlmetry-data/shop-issues.db";
builder.Services.AddOwlmetryIssues()
    .UseLiteDb(dataFile)
    .UseDirectory<ShopDirectory>()
    .AddBackgroundScan();
#endregion

var app = builder.Build();

#region MapIssuesApi
app.UseExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

app.MapCheckout();              // the shop's own routes: /shop/...
app.MapOwlmetryIssues("/v1");   // the Issues API, as one route group
#endregion

app.Run();
