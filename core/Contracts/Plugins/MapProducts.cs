namespace LstmFcn.Pipeline;

/// <summary>The names of the map products verbs read and write.</summary>
public static class MapProducts
{
    /// <summary>The run's trained pipeline: there from the start of the stage.</summary>
    public const string Model = "model";
    public const string Probabilities = "probabilities";
    public const string Smoothed = "smoothed";
    public const string Classes = "classes";
    public const string Uncertainty = "uncertainty";
}
