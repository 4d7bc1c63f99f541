using Ciptex.Voice.Customers;
using Ciptex.Voice.Data;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Escalation;
using Ciptex.Voice.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Unset means "seed in Development".</summary>
    public bool? Seed { get; set; }
}

/// <summary>
/// Demo customers, a subscriber of both status pages and an on-call rota (numbers from Ofcom's drama ranges, which never ring anyone), so a newcomer can walk the IVR at once.
/// Runs after the migrator and only into an empty database.
/// </summary>
internal sealed class DemoSeeder(
    IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, IOptions<EscalationOptions> escalation,
    TimeProvider time, ILogger<DemoSeeder> logger) : IHostedService
{
    public static readonly Customer[] Customers =
    [
        new() { AccountNumber = "100001", Name = "Acme Retail", Package = SupportPackage.Production,
            Contacts = [new() { Name = "Alice Archer", Phone = "+447700900123" }, new() { Name = "Acme front desk", Phone = "+442079460001" }] },
        new() { AccountNumber = "100002", Name = "Brightside Health", Package = SupportPackage.Extended,
            Contacts = [new() { Name = "Bilal Brook", Phone = "+447700900456" }] },
        new() { AccountNumber = "100003", Name = "Northwind Logistics", Package = SupportPackage.Production,
            Contacts = [new() { Name = "Nia North", Phone = "+447700900789" }] },
        new() { AccountNumber = "100004", Name = "Evergreen Energy", Package = SupportPackage.Extended,
            Contacts = [new() { Name = "Ed Evans", Phone = "+447700900321" }] },
    ];

    public const string DemoSubscriber = "+447700900600";

    private static EscalationLevel[] DemoMatrix =>
    [
        new() { Level = 1, Name = "On-call engineer", Phones = ["+447700900901"], At = 0.5 },
        new() { Level = 2, Name = "Team lead", Phones = ["+447700900902"], At = 0.75 },
        new() { Level = 3, Name = "Head of support", Phones = ["+447700900903"], At = 1.0 },
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!(configuration.GetValue<bool?>("Demo:Seed") ?? environment.IsDevelopment()))
            return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
        if (await db.Set<Customer>().AnyAsync(cancellationToken))
            return;
        db.AddRange(Customers.Select(Copy));
        var now = time.GetUtcNow();
        db.AddRange(new[] { "twilio", "ciptex" }.Select(page => new Subscription { Phone = DemoSubscriber, PageKey = page, Source = "demo", SubscribedAt = now }));
        // The configured matrix is the default; only a deployment without one gets the demo on-call rota.
        if (escalation.Value.Levels.Count == 0)
            db.AddRange(DemoMatrix);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data seeded: {Count} customers, a subscriber and an escalation matrix", Customers.Length);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static Customer Copy(Customer c) => new()
    {
        AccountNumber = c.AccountNumber, Name = c.Name, Package = c.Package,
        Contacts = c.Contacts.Select(x => new CustomerContact { Name = x.Name, Phone = x.Phone }).ToList(),
    };
}
