using Ciptex.Voice.Data;
using Ciptex.Voice.Phones;
using Ciptex.Voice.Sla;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Customers;

public sealed record ContactDto(string? Name, string? Phone);

public sealed record CustomerDto(string AccountNumber, string Name, string Package, IReadOnlyList<ContactDto> Contacts)
{
    public static CustomerDto From(Customer c) =>
        new(c.AccountNumber, c.Name, c.Package.ToApiName(), c.Contacts.Select(x => new ContactDto(x.Name, x.Phone)).ToList());
}

public sealed record CustomerRequest(string? AccountNumber, string? Name, string? Package, List<ContactDto>? Contacts);

internal static class CustomersApi
{
    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers");
        group.MapGet("/", ListAsync);
        group.MapGet("/{accountNumber}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{accountNumber}", UpdateAsync);
        return group;
    }

    private static async Task<Ok<List<CustomerDto>>> ListAsync(VoiceDbContext db, CancellationToken ct)
    {
        var customers = await db.Set<Customer>().AsNoTracking().Include(c => c.Contacts).OrderBy(c => c.AccountNumber).ToListAsync(ct);
        return TypedResults.Ok(customers.Select(CustomerDto.From).ToList());
    }

    private static async Task<Results<Ok<CustomerDto>, ProblemHttpResult>> GetAsync(string accountNumber, VoiceDbContext db, CancellationToken ct)
    {
        var customer = await db.Set<Customer>().AsNoTracking().Include(c => c.Contacts).SingleOrDefaultAsync(c => c.AccountNumber == accountNumber, ct);
        return customer is null ? NotFound(accountNumber) : TypedResults.Ok(CustomerDto.From(customer));
    }

    private static async Task<Results<Created<CustomerDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CustomerRequest request, VoiceDbContext db, CancellationToken ct)
    {
        if (!TryRead(request, request.AccountNumber, out var customer, out var errors))
            return TypedResults.ValidationProblem(errors);
        if (await db.Set<Customer>().AnyAsync(c => c.AccountNumber == customer.AccountNumber, ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Account {customer.AccountNumber} already exists.");
        db.Add(customer);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/customers/{customer.AccountNumber}", CustomerDto.From(customer));
    }

    private static async Task<Results<Ok<CustomerDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string accountNumber, CustomerRequest request, VoiceDbContext db, CancellationToken ct)
    {
        var existing = await db.Set<Customer>().Include(c => c.Contacts).SingleOrDefaultAsync(c => c.AccountNumber == accountNumber, ct);
        if (existing is null)
            return NotFound(accountNumber);
        if (!TryRead(request, accountNumber, out var updated, out var errors))
            return TypedResults.ValidationProblem(errors);
        if (request.AccountNumber is not null && request.AccountNumber != accountNumber)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["accountNumber"] = ["The account number cannot be changed."] });
        existing.Name = updated.Name;
        existing.Package = updated.Package;
        existing.Contacts.Clear();
        existing.Contacts.AddRange(updated.Contacts);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CustomerDto.From(existing));
    }

    private static ProblemHttpResult NotFound(string accountNumber) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No customer with account number {accountNumber}.");

    private static bool TryRead(CustomerRequest request, string? accountNumber, out Customer customer, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (accountNumber is null || accountNumber.Length != 6 || !accountNumber.All(char.IsAsciiDigit))
            errors["accountNumber"] = ["An account number is exactly 6 digits."];
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            errors["name"] = ["A name of 1 to 200 characters is required."];
        if (!SupportPackageNames.TryParse(request.Package, out var package))
            errors["package"] = ["The package is 'production' or 'extended'."];
        var contacts = new List<CustomerContact>();
        foreach (var (contact, i) in (request.Contacts ?? []).Select((c, i) => (c, i)))
        {
            if (contact is null || !PhoneNumberFormat.TryNormalise(contact.Phone, out var phone))
                errors[$"contacts[{i}].phone"] = ["Not a valid phone number."];
            else
                contacts.Add(new CustomerContact { Name = string.IsNullOrWhiteSpace(contact.Name) ? "Contact" : contact.Name.Trim(), Phone = phone });
        }
        customer = new Customer { AccountNumber = accountNumber ?? "", Name = request.Name?.Trim() ?? "", Package = package, Contacts = contacts };
        return errors.Count == 0;
    }
}
