using Ciptex.Voice.StatusPages;

namespace Ciptex.Voice.Tests.StatusPages;

/// <summary>The notification policy of CONTRACT §6 as a pure function: ids in, announcements out.</summary>
public sealed class StatusDiffTests
{
    private static readonly DateTimeOffset T0 = new(2020, 6, 16, 14, 0, 0, TimeSpan.FromHours(-7));

    [Fact]
    public void The_first_poll_is_a_baseline_that_records_everything_and_announces_nothing()
    {
        var changes = StatusDiff.Compare(KnownPage.Empty, [Incident("a", Update("a1", 0), Update("a2", 5)), Incident("b")]);

        Assert.Empty(changes.Announcements);
        Assert.Equal(["a", "b"], changes.NewIncidents.Select(i => i.Id));
    }

    [Fact]
    public void A_new_incident_is_one_announcement_showing_its_latest_update_however_many_it_has()
    {
        var incident = Incident("a", Update("a3", 10), Update("a1", 0), Update("a2", 20));

        var changes = StatusDiff.Compare(Known(), [incident]);

        var announcement = Assert.Single(changes.Announcements);
        Assert.True(announcement.IsNewIncident);
        Assert.Equal("a2", announcement.Key);
        Assert.Empty(changes.NewUpdates);
    }

    [Fact]
    public void An_incident_without_updates_is_announced_by_its_own_id()
    {
        var announcement = Assert.Single(StatusDiff.Compare(Known(), [Incident("a")]).Announcements);

        Assert.Null(announcement.Update);
        Assert.Equal("incident-a", announcement.Key);
    }

    [Fact]
    public void New_updates_of_known_incidents_are_one_announcement_each_oldest_first_whatever_the_list_order()
    {
        var snapshot = new[]
        {
            Incident("a", Update("a4", 40), Update("a1", 0), Update("a2", 10)),
            Incident("b", Update("b3", 30), Update("b1", 5), Update("b2", 20)),
        };

        var changes = StatusDiff.Compare(Known(["a", "b"], ["a1", "b1"]), snapshot);

        Assert.Equal(["a2", "b2", "b3", "a4"], changes.Announcements.Select(a => a.Key));
        Assert.All(changes.Announcements, a => Assert.False(a.IsNewIncident));
    }

    [Fact]
    public void Updates_are_ordered_by_display_time_then_creation_time_then_id()
    {
        var redated = Update("z", 50) with { DisplayAt = T0.AddMinutes(1) };
        var sameTime = new[] { Update("y", 30), Update("x", 30) };

        var changes = StatusDiff.Compare(Known(["a"], []), [Incident("a", [.. sameTime, redated, Update("w", 10)])]);

        Assert.Equal(["z", "w", "x", "y"], changes.Announcements.Select(a => a.Key));
    }

    [Fact]
    public void An_edited_update_keeps_its_id_and_is_not_announced_again()
    {
        var edited = Update("a1", 0) with { Body = "Corrected wording", UpdatedAt = T0.AddHours(1) };

        var changes = StatusDiff.Compare(Known(["a"], ["a1"]), [Incident("a", edited)]);

        Assert.Empty(changes.Announcements);
        Assert.Empty(changes.NewUpdates);
    }

    [Fact]
    public void A_repeated_poll_announces_nothing()
    {
        var snapshot = new[] { Incident("a", Update("a1", 0)), Incident("m", Update("m1", 0)) with { IsMaintenance = true } };

        Assert.Empty(StatusDiff.Compare(Known(["a", "m"], ["a1", "m1"]), snapshot).Announcements);
    }

    [Fact]
    public void An_incident_missing_from_a_snapshot_is_neither_resolved_nor_announced()
    {
        var changes = StatusDiff.Compare(Known(["a", "b"], ["a1", "b1"]), [Incident("b", Update("b1", 0))]);

        Assert.Empty(changes.Announcements);
        Assert.Empty(changes.NewIncidents);
        Assert.Empty(changes.NewUpdates);
    }

    [Fact]
    public void An_incident_created_already_resolved_is_announced_once_as_resolved()
    {
        var backfilled = Incident("a", Update("a2", 1, "resolved"), Update("a1", 0)) with { Status = "resolved" };

        var announcement = Assert.Single(StatusDiff.Compare(Known(), [backfilled]).Announcements);

        Assert.Equal(("a2", "resolved"), (announcement.Key, announcement.Update!.Status));
    }

    [Fact]
    public void A_new_maintenance_and_later_its_start_are_announced_once_each()
    {
        var scheduled = Incident("m", Update("m1", 0, "scheduled")) with { IsMaintenance = true, Status = "scheduled" };
        var started = scheduled with { Status = "in_progress", Updates = [Update("m2", 60, "in_progress"), .. scheduled.Updates] };

        var first = StatusDiff.Compare(Known(), [scheduled]);
        var second = StatusDiff.Compare(Known(["m"], ["m1"]), [started]);

        Assert.True(Assert.Single(first.Announcements).Incident.IsMaintenance);
        Assert.Equal("m2", Assert.Single(second.Announcements).Key);
    }

    [Fact]
    public void The_same_incident_in_both_lists_is_announced_once()
    {
        var incident = Incident("a", Update("a1", 0));

        Assert.Single(StatusDiff.Compare(Known(), [incident, incident with { IsMaintenance = true }]).Announcements);
    }

    [Fact]
    public void New_incidents_and_new_updates_are_announced_together_in_time_order()
    {
        var snapshot = new[] { Incident("new", Update("n1", 15)), Incident("a", Update("a2", 20), Update("a1", 0), Update("a0", 10)) };

        var changes = StatusDiff.Compare(Known(["a"], ["a1"]), snapshot);

        Assert.Equal(["a0", "n1", "a2"], changes.Announcements.Select(a => a.Key));
    }

    private static KnownPage Known(string[]? incidents = null, string[]? updates = null) =>
        new(true, (incidents ?? []).ToHashSet(), (updates ?? []).ToHashSet());

    private static PageIncident Incident(string id, params PageIncidentUpdate[] updates) =>
        new(id, $"Incident {id}", "investigating", "minor", $"https://stspg.io/{id}", false, T0, T0, updates);

    private static PageIncidentUpdate Update(string id, int minutes, string status = "investigating") =>
        new(id, status, $"Update {id}", T0.AddMinutes(minutes), T0.AddMinutes(minutes), T0.AddMinutes(minutes));
}
