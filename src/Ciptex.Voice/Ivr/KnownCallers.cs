using Ciptex.Voice.Customers;
using Ciptex.Voice.Data;
using Ciptex.Voice.Sla;

namespace Ciptex.Voice.Ivr;

/// <summary>A customer contact's number, as the first webhook of a call needs it: who is calling, and their hours.</summary>
public sealed record KnownCaller(int CustomerId, string Name, SupportPackage Package);

/// <summary>
/// Every contact's number with its customer (the lowest customer id when two share a number), asked by every call
/// and changed by hand now and then: kept in memory until a save in this process changes a customer or a contact,
/// and for at most 5 s, for the changes made through another instance.
/// </summary>
public sealed class KnownCallersRead(SavedTables tables, TimeProvider time)
    : CachedRead<IReadOnlyDictionary<string, KnownCaller>>(tables, time, TimeSpan.FromSeconds(5), typeof(Customer), typeof(CustomerContact));
