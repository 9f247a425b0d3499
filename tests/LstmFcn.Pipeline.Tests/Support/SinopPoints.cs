namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>The sits Sinop cube and its 12 labelled points: the smallest real cube a model can be trained on and map.</summary>
public static class SinopPoints
{
    public static string Folder => Path.Combine(Repo.Datasets, "sits_mod13q1_sinop");
    public static string Cube => Path.Combine(Folder, "cube");
    public static string Points => Path.Combine(Folder, "samples", "samples_sinop_crop.csv");
    public const string Pattern = "{satellite}_{tile}_{band}_{date}";

    /// <summary>
    /// A pipeline training <paramref name="model"/> on the points' series read from the cube (z-normalised), into
    /// <paramref name="output"/>; <paramref name="extra"/> adds top-level lines (e.g. a <c>map:</c> stage);
    /// <paramref name="cube"/> reads another cube of the same naming (the Sinop cube by default).
    /// </summary>
    public static string Pipeline(TempFolder temp, string output, string model = "1nn", string extra = "", string? cube = null) => temp.Write("sinop-points.yaml", $"""
        name: sinop-points
        seed: 42
        loader:
          plugin: cube-points
          with:
            cube: {cube ?? Cube}
            pattern: "{Pattern}"
            scale: 0.0001
            points: {Points}
        preprocess: [znorm]
        model: {model}
        {extra}
        output: {output}
        """);
}
