namespace Ciptex.Voice;

public static class SharedEndpointFilters
{
    /// <summary>
    /// Adds a filter made once per endpoint from the application's services, where <c>AddEndpointFilter&lt;T&gt;</c>
    /// makes one for every request. For filters whose dependencies are all singletons (the signature check, the IVR's
    /// safety net, the admin key): that per-request work was 2% of a greeting's CPU (docs/benchmarks.md).
    /// </summary>
    public static TBuilder AddSharedEndpointFilter<TBuilder, TFilter>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder where TFilter : IEndpointFilter =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var filter = ActivatorUtilities.CreateInstance<TFilter>(factory.ApplicationServices);
            return invocation => filter.InvokeAsync(invocation, next);
        });
}
