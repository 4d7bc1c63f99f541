using System.Net.Http.Json;
using Ciptex.Voice.Escalation;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tickets;

namespace Ciptex.Voice.Tests.Escalation;

/// <summary>Thursday 26 November 2026, 10:00, in support hours.</summary>
public sealed class EscalationOnceTests() : EscalationTestBase(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero))
{
    private const string OnCall = VoiceApp.OnCallPhone, Lead = VoiceApp.TeamLeadPhone, Head = VoiceApp.HeadOfSupportPhone;

    [Fact]
    public async Task Many_checks_send_each_level_once_and_nothing_after_the_first_response()
    {
        var reference = await OpenAsync("P2");
        for (var minutes = 0; minutes <= 180; minutes += 5)
            await CheckAtAsync(Utc(11, 26, 10).AddMinutes(minutes));
        Assert.Equal([OnCall, Lead], await PagedPhonesAsync());

        (await App.CreateApiClient().PostAsJsonAsync($"/api/tickets/{reference}/respond", new { })).EnsureSuccessStatusCode();
        for (var hours = 3; hours <= 48; hours++)
            await CheckAtAsync(Utc(11, 26, 10).AddHours(hours));

        Assert.Equal([OnCall, Lead], await PagedPhonesAsync());
    }

    [Fact]
    public async Task A_restart_does_not_send_a_level_again()
    {
        await OpenAsync("P3");
        await CheckAtAsync(Utc(11, 26, 14));
        Assert.Equal([OnCall], await PagedPhonesAsync());

        await RestartAsync();
        await CheckAtAsync(Utc(11, 26, 14, 30));
        await CheckAtAsync(Utc(11, 26, 16));

        Assert.Equal([OnCall, Lead], await PagedPhonesAsync());
    }

    [Fact]
    public async Task An_acknowledgement_silences_the_levels_before_breach_but_not_the_breach_itself()
    {
        var reference = await OpenAsync("P2");
        (await App.CreateApiClient().PostAsJsonAsync($"/api/tickets/{reference}/acknowledge", new { by = "Sam" })).EnsureSuccessStatusCode();

        await CheckAtAsync(Utc(11, 26, 12, 30));
        await CheckAtAsync(Utc(11, 26, 13, 30));
        Assert.Empty(await PagesAsync());
        await CheckAtAsync(Utc(11, 26, 14));
        Assert.Equal([Head], await PagedPhonesAsync());
    }

    [Fact]
    public async Task A_P1_texts_level_one_at_once_and_the_check_does_not_repeat_it()
    {
        await OpenAsync("P1");
        Assert.Equal([OnCall], await PagedPhonesAsync());

        await CheckAtAsync(Utc(11, 26, 10, 1));
        await CheckAtAsync(Utc(11, 26, 11, 30));
        Assert.Equal([OnCall, Lead], await PagedPhonesAsync());
    }

    [Fact]
    public async Task A_backdated_import_escalates_through_every_level_it_has_passed_once_each()
    {
        await OpenAsync("P2", openedAt: Utc(11, 20, 9));

        await CheckAtAsync(Utc(11, 26, 10));
        await CheckAtAsync(Utc(11, 26, 10, 1));

        Assert.Equal([OnCall, Lead, Head], await PagedPhonesAsync());
        Assert.All(await PagesAsync(), m => Assert.Contains("OVERDUE", m.Body));
    }

    [Fact]
    public async Task Recategorising_up_recomputes_how_far_along_the_ticket_is()
    {
        var reference = await OpenAsync("P4");
        await CheckAtAsync(Utc(11, 26, 13));
        Assert.Empty(await PagesAsync());

        (await App.CreateApiClient().PostAsJsonAsync($"/api/tickets/{reference}/recategorise",
            new { category = "P2", reason = "production calls are failing" })).EnsureSuccessStatusCode();
        await CheckAtAsync(Utc(11, 26, 13, 1));

        // Three hours of a P2's four: past 50% and 75%, not yet breached.
        Assert.Equal([OnCall, Lead], await PagedPhonesAsync());
    }

    [Fact]
    public async Task The_engineers_text_says_what_who_how_long_is_left_and_how_to_acknowledge()
    {
        var reference = await OpenAsync("P3");
        await CheckAtAsync(Utc(11, 26, 14));

        var page = Assert.Single(await PagesAsync());
        Assert.Equal($"[On-call engineer] {reference} P3 General Issue for Acme Retail, caller +447700900123. " +
                     "4h 00m left (due 10 am tomorrow). \"Inbound calls fail with a fast busy tone\" " +
                     $"Reply ACK {reference} to take it.", page.Body);
    }

    [Fact]
    public async Task An_RFO_reminder_goes_to_level_one_two_working_days_before_it_is_due_once()
    {
        (await App.CreateApiClient().PostAsJsonAsync("/api/rfo", new { accountNumber = "100001", incident = "Voice outage" })).EnsureSuccessStatusCode();

        await CheckAtAsync(Utc(12, 8, 8, 59));
        await CheckAtAsync(Utc(12, 8, 9));
        await CheckAtAsync(Utc(12, 9, 9));

        var reminder = Assert.Single(await App.QueryAsync(db => Task.FromResult(db.Set<Ciptex.Voice.Sms.OutboundMessage>().Where(m => m.Purpose == "rfo-reminder").ToList())));
        Assert.Equal(OnCall, reminder.To);
        Assert.Contains("Acme Retail", reminder.Body);
        Assert.Contains("5 pm on Thursday 10 December", reminder.Body);
    }

    [Fact]
    public async Task The_real_scheduler_runs_the_check_when_its_job_is_triggered()
    {
        var runs = JobRuns.AddTo(App);
        await OpenAsync("P2", openedAt: Utc(11, 20, 9));
        var scheduler = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Quartz.ISchedulerFactory>(App.Services).GetScheduler();

        await scheduler.TriggerJob(EscalationCheckJob.Key, null, CancellationToken.None);
        await runs.NextAsync(EscalationCheckJob.Key);

        Assert.Equal([OnCall, Lead, Head], await PagedPhonesAsync());
    }

    [Fact]
    public async Task The_scheduler_checks_on_its_own_every_interval_as_the_clock_moves()
    {
        App.Settings["Escalation:CheckInterval"] = "00:00:01";
        var runs = JobRuns.AddTo(App);
        await OpenAsync("P2", openedAt: Utc(11, 20, 9));

        await runs.AdvanceUntilRunAsync(App, EscalationCheckJob.Key);

        Assert.Equal([OnCall, Lead, Head], await PagedPhonesAsync());
        Assert.Contains(await App.QueryAsync(db => Task.FromResult(db.Set<Ticket>().SelectMany(t => t.Escalations).ToList())), e => e.Level == 3);
    }
}
