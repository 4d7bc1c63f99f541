namespace Ciptex.Voice.Sla;

/// <summary>How packages are written in the API and configuration: <c>production</c>, <c>extended</c>.</summary>
public static class SupportPackageNames
{
    public static string ToApiName(this SupportPackage package) => package == SupportPackage.Extended ? "extended" : "production";

    public static bool TryParse(string? value, out SupportPackage package)
    {
        package = SupportPackage.Production;
        switch (value?.Trim().ToLowerInvariant())
        {
            case "production":
                return true;
            case "extended":
                package = SupportPackage.Extended;
                return true;
            default:
                return false;
        }
    }
}
