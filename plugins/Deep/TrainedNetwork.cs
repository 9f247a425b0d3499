using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Deep.Network;
using LstmFcn.Plugins.Deep.Training;
using LstmFcn.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Deep;

/// <summary>
/// A trained deep classifier (LSTM-FCN family or CNN-LSTM): predicts probabilities (nothing else: prediction writes no
/// file), offers class activation maps and — with an attention LSTM — its attention, saves as weights + metadata and
/// loads back.
/// </summary>
sealed class TrainedNetwork : ITrainedModel, IClassActivationMaps, IAttentionWeights, ISelectedSettings, IInferenceFootprint
{
    readonly ClassifierNetwork _network;
    readonly Device _device;

    public TrainedNetwork(ClassifierNetwork network, Device device, ClassLabels classes, TrainingHistory history,
        Dictionary<string, object?> hyperParameters)
    {
        (_network, _device, Classes, History, HyperParameters) = (network, device, classes, history, hyperParameters);
    }

    public ClassLabels Classes { get; }
    public TrainingHistory History { get; }
    public Dictionary<string, object?> HyperParameters { get; }
    public ClassifierNetwork Network => _network;

    /// <summary>The cell count the network was built with (chosen among candidates when they were given).</summary>
    public IReadOnlyDictionary<string, object> Selected => new Dictionary<string, object> { ["cells"] = (long)_network.Options.LstmCells };

    public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset data, RunContext context)
    {
        RequireShape(data);
        int k = Classes.Count;
        var result = new float[data.Count * k];
        ForEachChunk(data, InferenceChunk, (start, inputs) =>
        {
            var probabilities = nn.functional.softmax(_network.forward(inputs), 1).cpu();
            probabilities.data<float>().CopyTo(result, start * k);
        });
        return new ProbabilityMatrix(result, data.Count, Classes);
    }

    /// <summary>
    /// Prediction runs in chunks of <see cref="InferenceChunk"/> series: a fixed working set of a few live activations
    /// of the widest layer (256 filters × length) per chunk, plus each series' input and probabilities.
    /// </summary>
    public InferenceFootprint FootprintFor(int channels, int length) =>
        new(4L * 4 * InferenceChunk * 256 * Math.Max(1, _network.Options.Length), 4L * channels * length + 4L * Classes.Count);

    /// <summary>
    /// Inference batches as large as keep the widest activation (256 filters × length) near 16 MB: short series (e.g.
    /// 23-date pixels) then go through in thousands per call instead of paying per-call overhead 512 at a time.
    /// </summary>
    int InferenceChunk => Math.Clamp(4_194_304 / (256 * Math.Max(1, _network.Options.Length)), 256, 8192);

    public string? AttentionUnavailableReason => _network.Options.Attention ? null : "a plain LSTM has no attention (use alstm-fcn)";

    /// <summary>Temporal view: attention over time steps; shuffle view (one step, α ≡ 1): the context's per-feature contribution.</summary>
    public string AttentionColumn => _network.Options.View == LstmView.Temporal ? "alpha_t" : "context_f";

    public float[][] AttentionWeights(TimeSeriesDataset data, RunContext context)
    {
        if (AttentionUnavailableReason is { } reason) throw new InvalidOperationException($"no attention: {reason}");
        RequireShape(data);
        var rows = new float[data.Count][];
        ForEachChunk(data, InferenceChunk, (start, inputs) =>
        {
            var (_, alpha, contextValues) = _network.Forward(inputs, captureAttention: true);
            var values = (_network.Options.View == LstmView.Temporal ? alpha! : contextValues!).cpu();
            int width = (int)values.shape[1];
            var flat = values.data<float>().ToArray();
            for (int i = 0; i < values.shape[0]; i++) rows[start + i] = flat.AsSpan(i * width, width).ToArray();
        });
        return rows;
    }

    public string? ClassActivationUnavailableReason => _network.ClassActivationUnavailableReason;

    public float[][] ClassActivationMaps(TimeSeriesDataset data, IReadOnlyList<int> classIndices, RunContext context)
    {
        if (ClassActivationUnavailableReason is { } reason) throw new InvalidOperationException($"no class activation maps: {reason}");
        if (classIndices.Count != data.Count) throw new ArgumentException($"{classIndices.Count} class indices for {data.Count} series");
        RequireShape(data);
        var maps = new float[data.Count][];
        ForEachChunk(data, 256, (start, inputs) =>
        {
            var all = _network.ClassActivationMaps(inputs);                          // (B, K, T)
            var chosen = tensor(Enumerable.Range(start, (int)inputs.shape[0]).Select(i => (long)classIndices[i]).ToArray(), device: _device);
            var picked = all.gather(1, chosen.view(-1, 1, 1).expand(-1, 1, all.shape[2])).squeeze(1).cpu();
            var flat = picked.data<float>().ToArray();
            int length = (int)picked.shape[1];
            for (int i = 0; i < picked.shape[0]; i++) maps[start + i] = flat.AsSpan(i * length, length).ToArray();
        });
        return maps;
    }

    void RequireShape(TimeSeriesDataset data)
    {
        var options = _network.Options;
        if (data.Count > 0 && (data.Channels != options.Channels || data.MaxLength != options.Length || !data.IsEqualLength))
            throw new InvalidDataException(
                $"the network was trained on {options.Channels} channel(s) × {options.Length} steps; the data has " +
                $"{data.Channels} × {(data.IsEqualLength ? data.MaxLength.ToString() : $"{data.MinLength}..{data.MaxLength}")}");
    }

    /// <summary>Runs <paramref name="work"/> on consecutive chunks of the data as input tensors (eval mode, no gradients, disposed after).</summary>
    void ForEachChunk(TimeSeriesDataset data, int chunk, Action<int, Tensor> work)
    {
        _network.eval();
        using var _ = no_grad();
        for (int start = 0; start < data.Count; start += chunk)
        {
            using var scope = NewDisposeScope();
            var indices = Enumerable.Range(start, Math.Min(chunk, data.Count - start)).ToArray();
            using var batch = TensorData.From(data, indices, _device);
            work(start, batch.Inputs);
        }
    }

    sealed record Metadata(NetworkOptions Network, List<string> Classes, Dictionary<string, object?> HyperParameters,
        string TorchSharp, string CreatedUtc);

    // Enums as names ("CnnLstm", "Temporal") so the file reads; numbers from older files still load.
    static readonly JsonSerializerOptions MetadataJson = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public void Save(string directory) =>
        SavedNetwork.Save(directory, _network, new Metadata(_network.Options, Classes.Names.ToList(), HyperParameters,
            typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "", DateTime.UtcNow.ToString("O")), MetadataJson);

    public static TrainedNetwork Load(string directory, RunContext context)
    {
        var meta = SavedNetwork.ReadMetadata<Metadata>(directory, "deep (LSTM-FCN / CNN-LSTM)", MetadataJson);
        NativeMemory.TuneForTensors();
        var device = TorchRuntime.Prepare(context);
        var network = ClassifierNetwork.Create(meta.Network);
        SavedNetwork.LoadWeights(network, directory);
        network.to(device);
        return new TrainedNetwork(network, device, new ClassLabels(meta.Classes), TrainingHistory.Empty, meta.HyperParameters);
    }

    public void Dispose() => _network.Dispose();
}
