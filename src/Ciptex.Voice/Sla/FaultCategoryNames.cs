namespace Ciptex.Voice.Sla;

/// <summary>How categories are written: <c>P1</c> in the API, "P1 Business Critical" to people.</summary>
public static class FaultCategoryNames
{
    public static string Title(this FaultCategory category) => category switch
    {
        FaultCategory.P1 => "Business Critical",
        FaultCategory.P2 => "Degraded Service",
        FaultCategory.P3 => "General Issue",
        _ => "Information Request",
    };

    /// <summary>"P2 Degraded Service".</summary>
    public static string Describe(this FaultCategory category) => $"{category} {category.Title()}";

    public static bool TryParse(string? value, out FaultCategory category)
    {
        category = FaultCategory.P3;
        return value?.Trim().ToUpperInvariant() is { Length: 2 } text && text[0] == 'P' && text[1] is >= '1' and <= '4'
            && Enum.TryParse(text, out category);
    }
}
