namespace Ciptex.Voice.Sla;

/// <summary>Reason for Outage dates: the policy's "RFO lead time is 10 working days".</summary>
public sealed partial class SupportCalendar
{
    /// <summary>Working days from the day of an RFO request to the day it is due.</summary>
    public const int RfoLeadWorkingDays = 10;

    /// <summary>Working days before an RFO is due that the engineer writing it is reminded.</summary>
    public const int RfoReminderWorkingDays = 2;

    /// <summary>
    /// The working day <paramref name="workingDays"/> working days after <paramref name="day"/> (before it when
    /// negative); <paramref name="day"/> itself never counts, and zero returns it unchanged. Working days are those of
    /// <see cref="IsWorkingDay"/>, whatever package the customer has: an RFO is written by the office, not on call.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        var step = Math.Sign(workingDays);
        for (var left = Math.Abs((long)workingDays); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
                left--;
        }
        return day;
    }

    /// <summary>
    /// When an RFO requested at <paramref name="requestedAt"/> is due: the close of support hours (17:00 local) on the
    /// tenth working day after the local day of the request.
    /// </summary>
    /// <remarks>
    /// Our reading of "10 working days": the day of the request is day zero whatever the hour, even a working day
    /// with most of it left, and a request made at a weekend or on a holiday counts from that day too, so its first
    /// working day is the next one. The day is the local one: a request at 00:30 BST on a Wednesday counts from
    /// Wednesday although it is still Tuesday in UTC. The RFO is due by the end of that day's support hours.
    /// </remarks>
    public DateTimeOffset RfoDueAt(DateTimeOffset requestedAt) =>
        TimeZone.InstantOf(AddWorkingDays(TimeZone.LocalDate(requestedAt), RfoLeadWorkingDays), Closes);

    /// <summary>
    /// When to remind the RFO's author: the opening of support hours (09:00 local) two working days before the local
    /// day <paramref name="dueAt"/> falls on.
    /// </summary>
    public DateTimeOffset RfoReminderAt(DateTimeOffset dueAt) =>
        TimeZone.InstantOf(AddWorkingDays(TimeZone.LocalDate(dueAt), -RfoReminderWorkingDays), Opens);
}
