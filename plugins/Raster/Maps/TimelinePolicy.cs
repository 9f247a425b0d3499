using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>How a cube's dates must match the dates a model was trained on.</summary>
public enum TimelinePolicy
{
    /// <summary>The very same dates.</summary>
    Strict,
    /// <summary>The same days of another year (same month and day, or the same day of the year across a leap day).</summary>
    [Choice("same-season")] SameSeason,
    /// <summary>Each date within <c>timeline_days</c> of the model's.</summary>
    Nearest,
}
