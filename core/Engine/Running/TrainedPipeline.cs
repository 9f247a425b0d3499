using System.Security.Cryptography;
using System.Text;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>Fitted preprocessing steps followed by a trained model: the predictor of raw, loader-shaped data.</summary>
public sealed class TrainedPipeline : ITrainedPipeline
{
    readonly IReadOnlyList<IFittedPreprocessor> _steps;
    readonly ITrainedModel _model;
    readonly Lazy<string> _fingerprint;

    public TrainedPipeline(IReadOnlyList<IFittedPreprocessor> steps, ITrainedModel model, string? savedModelDirectory)
    {
        _steps = steps;
        _model = model;
        _fingerprint = new Lazy<string>(() => savedModelDirectory is null ? "" : DigestOfFolder(savedModelDirectory));
    }

    public ClassLabels Classes => _model.Classes;
    public string Fingerprint => _fingerprint.Value;

    public TimeSeriesDataset Prepare(TimeSeriesDataset raw)
    {
        foreach (var step in _steps) raw = step.Transform(raw);
        return raw;
    }

    /// <summary>One row per raw series: predictions of windows cut from a series are averaged (<see cref="WindowVote"/>).</summary>
    public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset raw, RunContext context)
    {
        var prepared = Prepare(raw);
        return WindowVote.PerSeries(prepared, _model.PredictProbabilities(prepared, context), raw.Count, "");
    }

    /// <summary>SHA-256 over the relative names and contents of every file of a saved model, in name order.</summary>
    static string DigestOfFolder(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file);
            sha.AppendData(Encoding.UTF8.GetBytes(relative));
            var bytes = File.ReadAllBytes(file);
            if (relative.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) bytes = WithoutCreationTime(bytes);
            sha.AppendData(bytes);
        }
        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>Metadata files stamp when they were written; that must not make an identical model look different.</summary>
    static byte[] WithoutCreationTime(byte[] json)
    {
        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(json) is not System.Text.Json.Nodes.JsonObject root) return json;
            foreach (var key in root.Select(kv => kv.Key).ToList())
                if (key.Replace("_", "").Equals("createdutc", StringComparison.OrdinalIgnoreCase)) root.Remove(key);
            return Encoding.UTF8.GetBytes(root.ToJsonString());
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }
}
