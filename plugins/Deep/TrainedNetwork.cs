using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Deep.Network;
using LstmFcn.Plugins.Deep.Training;
using LstmFcn.TorchLayers;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Deep;

/// <summary>A trained deep classifier (LSTM-FCN family or CNN-LSTM): predicts probabilities, saves as weights + metadata, loads back.</summary>
sealed class TrainedNetwork : ITrainedModel, IClassActivationMaps
{
    public const string WeightsFile = "network.weights";
    public const string MetadataFile = "network.json";

    readonly ClassifierNetwork _network;
    readonly Device _device;
    readonly bool _exportAttention;

    public TrainedNetwork(ClassifierNetwork network, Device device, ClassLabels classes, TrainingHistory history,
        Dictionary<string, object?> hyperParameters, bool exportAttention)
    {
        (_network, _device, Classes, History, HyperParameters, _exportAttention) =
            (network, device, classes, history, hyperParameters, exportAttention);
    }

    public ClassLabels Classes { get; }
    public TrainingHistory History { get; }
    public Dictionary<string, object?> HyperParameters { get; }
    public ClassifierNetwork Network => _network;

    public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset data, RunContext context)
    {
        var options = _network.Options;
        if (data.Count > 0 && (data.Channels != options.Channels || data.MaxLength != options.Length || !data.IsEqualLength))
            throw new InvalidDataException(
                $"the network was trained on {options.Channels} channel(s) × {options.Length} steps; the data has " +
                $"{data.Channels} × {(data.IsEqualLength ? data.MaxLength.ToString() : $"{data.MinLength}..{data.MaxLength}")}");
        int k = Classes.Count;
        var result = new float[data.Count * k];
        bool attention = _exportAttention && options.Attention;
        var attentionRows = attention ? new List<string>() : null;
        _network.eval();
        using var _ = no_grad();
        // Inference batches as large as keep the widest activation (256 filters × length) near 16 MB: short series
        // (e.g. 23-date pixels) then go through in thousands per call instead of paying per-call overhead 512 at a time.
        int Chunk = Math.Clamp(4_194_304 / (256 * Math.Max(1, options.Length)), 256, 8192);
        for (int start = 0; start < data.Count; start += Chunk)
        {
            using var scope = NewDisposeScope();
            var indices = Enumerable.Range(start, Math.Min(Chunk, data.Count - start)).ToArray();
            using var batch = TensorData.From(data, indices, _device);
            var (logits, alpha, contextValues) = _network.Forward(batch.Inputs, attention);
            var probabilities = nn.functional.softmax(logits, 1).cpu();
            probabilities.data<float>().CopyTo(result, start * k);
            if (attentionRows is not null)
            {
                // Temporal view: attention over time steps; shuffle view (α ≡ 1): the context's per-feature contribution.
                var values = (options.View == LstmView.Temporal ? alpha! : contextValues!).cpu();
                int width = (int)values.shape[1];
                var flat = values.data<float>().ToArray();
                for (int i = 0; i < indices.Length; i++)
                {
                    var s = data.Samples[indices[i]];
                    var row = new StringBuilder(s.Id);
                    for (int j = 0; j < width; j++) row.Append(',').Append(flat[i * width + j].ToString("R", CultureInfo.InvariantCulture));
                    attentionRows.Add(row.ToString());
                }
            }
        }
        if (attentionRows is not null)
        {
            var kind = options.View == LstmView.Temporal ? "alpha_t" : "context_f";
            int width = options.View == LstmView.Temporal ? options.Length : options.Channels * options.Length;
            var header = "id," + string.Join(',', Enumerable.Range(0, width).Select(j => $"{kind}{j}"));
            context.Artifacts.WriteText("attention.csv", header + "\n" + string.Join("\n", attentionRows) + "\n");
            context.Log.Info($"Wrote attention.csv ({(options.View == LstmView.Temporal ? "attention over time" : "context contribution per feature")})");
        }
        return new ProbabilityMatrix(result, data.Count, Classes);
    }

    public string? ClassActivationUnavailableReason => _network.ClassActivationUnavailableReason;

    public float[][] ClassActivationMaps(TimeSeriesDataset data, IReadOnlyList<int> classIndices, RunContext context)
    {
        if (ClassActivationUnavailableReason is { } reason) throw new InvalidOperationException($"no class activation maps: {reason}");
        if (classIndices.Count != data.Count) throw new ArgumentException($"{classIndices.Count} class indices for {data.Count} series");
        var options = _network.Options;
        if (data.Count > 0 && (data.Channels != options.Channels || data.MaxLength != options.Length || !data.IsEqualLength))
            throw new InvalidDataException($"the network was trained on {options.Channels} channel(s) × {options.Length} steps; the data differs");
        var maps = new float[data.Count][];
        _network.eval();
        using var _ = no_grad();
        const int Chunk = 256;
        for (int start = 0; start < data.Count; start += Chunk)
        {
            using var scope = NewDisposeScope();
            var indices = Enumerable.Range(start, Math.Min(Chunk, data.Count - start)).ToArray();
            using var batch = TensorData.From(data, indices, _device);
            var all = _network.ClassActivationMaps(batch.Inputs);                     // (B, K, T)
            var chosen = tensor(indices.Select(i => (long)classIndices[i]).ToArray(), device: _device);
            var picked = all.gather(1, chosen.view(-1, 1, 1).expand(-1, 1, all.shape[2])).squeeze(1).cpu();
            var flat = picked.data<float>().ToArray();
            int length = (int)picked.shape[1];
            for (int i = 0; i < indices.Length; i++) maps[start + i] = flat.AsSpan(i * length, length).ToArray();
        }
        return maps;
    }

    sealed record Metadata(NetworkOptions Network, List<string> Classes, Dictionary<string, object?> HyperParameters,
        bool ExportAttention, string TorchSharp, string CreatedUtc);

    // Enums as names ("CnnLstm", "Temporal") so the file reads; numbers from older files still load.
    static readonly JsonSerializerOptions MetadataJson = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public void Save(string directory)
    {
        _network.save(Path.Combine(directory, WeightsFile));
        var meta = new Metadata(_network.Options, Classes.Names.ToList(), HyperParameters, _exportAttention,
            typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "", DateTime.UtcNow.ToString("O"));
        File.WriteAllText(Path.Combine(directory, MetadataFile), JsonSerializer.Serialize(meta, MetadataJson));
    }

    public static TrainedNetwork Load(string directory, RunContext context)
    {
        var metaPath = Path.Combine(directory, MetadataFile);
        if (!File.Exists(metaPath)) throw new FileNotFoundException($"{metaPath}: not a saved deep (LSTM-FCN / CNN-LSTM) model", metaPath);
        var meta = JsonSerializer.Deserialize<Metadata>(File.ReadAllText(metaPath), MetadataJson)
                   ?? throw new InvalidDataException($"{metaPath}: empty metadata");
        NativeMemory.TuneForTensors();
        var device = TorchRuntime.Prepare(context);
        var network = ClassifierNetwork.Create(meta.Network);
        network.load(Path.Combine(directory, WeightsFile));
        network.to(device);
        return new TrainedNetwork(network, device, new ClassLabels(meta.Classes), TrainingHistory.Empty, meta.HyperParameters, meta.ExportAttention);
    }

    public void Dispose() => _network.Dispose();
}
