using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Ciptex.Voice.Phones;

namespace Ciptex.Voice.Benchmarks;

/// <summary>
/// <c>subscribers URL API_KEY PAGE COUNT</c>: subscribes COUNT fictional numbers to PAGE through the admin API
/// (<c>POST URL/api/subscribers</c>, the way an operator adds them), a few requests at a time, and checks that every
/// one was created. Prints <c>SUBSCRIBERS created=… seconds=…</c>; exits non-zero if any was not.
/// </summary>
internal static class FanOutSubscribers
{
    private const int InFlight = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public static async Task<int> SeedAsync(string[] args)
    {
        if (args is not [var url, var apiKey, var page, var countText] || !int.TryParse(countText, CultureInfo.InvariantCulture, out var count))
        {
            Console.Error.WriteLine("usage: subscribers SERVICE_URL API_KEY PAGE COUNT");
            return 2;
        }
        var phones = FictionalPhones.All().Take(count).ToList();
        if (phones.Count < count)
        {
            Console.Error.WriteLine($"only {phones.Count} fictional numbers pass the service's validation; {count} were asked for");
            return 2;
        }

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        using var deadline = new CancellationTokenSource(Deadline);
        var created = 0;
        var refused = 0;
        string? firstRefusal = null;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(phones, new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = deadline.Token },
            async (phone, ct) =>
            {
                using var body = new StringContent($$"""{"phone":"{{phone}}","pages":["{{page}}"]}""", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("api/subscribers", body, ct);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref created);
                    return;
                }
                if (Interlocked.Increment(ref refused) == 1)
                    firstRefusal = $"{phone}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}";
            });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SUBSCRIBERS created={created} refused={refused} seconds={clock.Elapsed.TotalSeconds:F1} per_s={created / clock.Elapsed.TotalSeconds:F0}"));
        if (firstRefusal is not null)
            Console.Error.WriteLine($"first refusal: {firstRefusal}");
        return created == count ? 0 : 1;
    }
}

/// <summary>
/// Numbers reserved for fiction that the service's own validation accepts (<see cref="PhoneNumberFormat"/>) and takes
/// for mobiles. There are not 10,000 UK ones: Ofcom reserves only 07700 900000–900999 among mobiles, and the rest of
/// 07700 90xxxx is unallocated, which libphonenumber (rightly) refuses. So: those 1,000 first, then the North American
/// Numbering Plan's fictional 555-0100–0199 in each area code that libphonenumber knows (100 a code, and the
/// plan's numbers count as "fixed line or mobile").
/// </summary>
internal static class FictionalPhones
{
    public static IEnumerable<string> All()
    {
        for (var n = 0; n <= 999; n++)
            yield return $"+447700900{n:D3}";
        for (var areaCode = 201; areaCode <= 989; areaCode++)
        {
            for (var line = 100; line <= 199; line++)
            {
                var phone = $"+1{areaCode}555{line:D4}";
                if (PhoneNumberFormat.TryNormalise(phone, out var e164) && e164 == phone && PhoneNumberFormat.IsMobile(phone))
                    yield return phone;
            }
        }
    }
}
