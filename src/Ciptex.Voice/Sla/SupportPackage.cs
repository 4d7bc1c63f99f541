namespace Ciptex.Voice.Sla;

/// <summary>The support package a customer has bought; it decides when the SLA clock runs.</summary>
public enum SupportPackage
{
    /// <summary>09:00–17:00 local, Monday to Friday, closed on England and Wales bank holidays and extra holidays.</summary>
    Production,

    /// <summary>Round the clock, every day except the local days of 25 December and 1 January.</summary>
    Extended,
}
