using Ciptex.Voice.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciptex.Voice.Customers;

public sealed class Customer
{
    public int Id { get; set; }

    /// <summary>Six digits: what a caller keys in when their number is not one of the contacts.</summary>
    public required string AccountNumber { get; set; }

    public required string Name { get; set; }
    public SupportPackage Package { get; set; }
    public List<CustomerContact> Contacts { get; set; } = [];

    /// <summary>The customer without its contacts, for another context to read.</summary>
    public Customer Copy() => new() { Id = Id, AccountNumber = AccountNumber, Name = Name, Package = Package };
}

public sealed class CustomerContact
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public required string Name { get; set; }

    /// <summary>E.164.</summary>
    public required string Phone { get; set; }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.HasIndex(c => c.AccountNumber).IsUnique();
        builder.Property(c => c.AccountNumber).HasMaxLength(6);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Package).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerContactConfiguration : IEntityTypeConfiguration<CustomerContact>
{
    public void Configure(EntityTypeBuilder<CustomerContact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.HasIndex(c => c.Phone);
    }
}
