using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Ucr;

/// <summary>The <c>ucr</c> loader: a train file and an optional test file in UCR .tsv or sktime .ts format.</summary>
public sealed class UcrLoader : LoaderPlugin<UcrLoader.Options>, IReadsNewData
{
    /// <summary>The file format; auto decides by extension (.ts: sktime, otherwise UCR .tsv).</summary>
    public enum FileFormat { Auto, Tsv, Ts }

    /// <summary>Whether a .tsv row starts with its class label (UCR's layout) or holds values only (new series to predict).</summary>
    public enum LabelColumn { First, None }

    public sealed record Options : PluginOptions
    {
        [Parameter("training file (.tsv, .txt or .ts)", Required = true, Path = PathKind.ExistingFile)]
        public string Train { get; init; } = "";

        [Parameter("test file in the same format; leave out to only train", Path = PathKind.ExistingFile)]
        public string? Test { get; init; }

        [Parameter("file format; auto decides by extension")]
        public FileFormat Format { get; init; } = FileFormat.Auto;

        [Parameter("tsv: first = each row starts with its class label; none = every cell is a value (unlabelled series, for predict)")]
        public LabelColumn Labels { get; init; } = LabelColumn.First;
    }

    public override string Name => "ucr";
    public override string Description => "UCR/UEA archive files: UCR 2018 .tsv or sktime .ts (uni/multivariate, unequal length)";

    protected override DatasetSplit Load(Options options, RunContext context)
    {
        var format = options.Format;
        var trainPath = options.Train;
        if (options.Labels == LabelColumn.None)
            throw new ArgumentException($"{options.Step}: labels: none reads unlabelled series, which cannot train a model; it is for lstmfcn predict --with labels=none");
        var trainRaw = ReadFile(trainPath, format, labelled: true);
        if (trainRaw.FirstOrDefault(r => r.Label.Length == 0) is { } unlabelled)
            throw new DataFormatException(trainPath, unlabelled.Line, "a training series without a class label (@classLabel false): a model needs labelled series to learn from");
        var testPath = options.Test;
        var testRaw = testPath is null ? new List<RawSeries>() : ReadFile(testPath, format, labelled: true);

        if (testRaw.Count > 0 && testRaw[0].Channels != trainRaw[0].Channels)
            throw new DataFormatException(testPath!, testRaw[0].Line,
                $"{testRaw[0].Channels} channels in test, {trainRaw[0].Channels} in train ({trainPath})");

        var classes = ClassLabels.FromObserved(trainRaw.Select(r => r.Label));
        var unseen = testRaw.Select(r => r.Label).Where(l => !classes.TryGetIndex(l, out _)).Distinct().ToList();
        if (unseen.Count > 0)
        {
            var first = testRaw.First(r => r.Label == unseen[0]);
            throw new DataFormatException(testPath!, first.Line,
                $"class label(s) {string.Join(", ", unseen.Select(u => $"'{u}'"))} do not occur in the training file {trainPath} " +
                $"(train has {string.Join(", ", classes.Names)})");
        }
        var missingInTest = classes.Names.Where(n => testRaw.Count > 0 && testRaw.All(r => r.Label != n)).ToList();
        if (missingInTest.Count > 0)
            context.Log.Warn($"{testPath}: no test series of class(es) {string.Join(", ", missingInTest)}");

        var name = DatasetName(trainPath);
        return new DatasetSplit(ToDataset(trainRaw, classes, trainPath, "train", name), ToDataset(testRaw, classes, testPath, "test", name));
    }

    /// <summary>
    /// New series to predict from one file: labelled rows keep their label (matched to the model's classes by name
    /// later), unlabelled ones (<c>labels: none</c>, or a .ts file with <c>@classLabel false</c>) are unlabelled.
    /// </summary>
    public TimeSeriesDataset ReadNew(string source, PluginArguments args, RunContext context)
    {
        var options = OptionsSchema<Options>.Bind(args);
        var raw = ReadFile(source, options.Format, labelled: options.Labels == LabelColumn.First);
        var classes = ClassLabels.FromObserved(raw.Where(r => r.Label.Length > 0).Select(r => r.Label));
        var stem = Path.GetFileNameWithoutExtension(source);
        return ToDataset(raw, classes, source, stem, DatasetName(source));
    }

    static List<RawSeries> ReadFile(string path, FileFormat format, bool labelled)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: data file not found", path);
        bool ts = format == FileFormat.Ts || (format == FileFormat.Auto && Path.GetExtension(path).Equals(".ts", StringComparison.OrdinalIgnoreCase));
        return ts ? SktimeTsReader.Read(path) : UcrTsvReader.Read(path, labelled);
    }

    /// <summary>UCR names files DATASET_TRAIN.tsv / DATASET_TEST.ts: the dataset is the file name without the split suffix.</summary>
    public static string DatasetName(string trainPath)
    {
        var stem = Path.GetFileNameWithoutExtension(trainPath);
        foreach (var suffix in new[] { "_TRAIN", "_TEST" })
            if (stem.Length > suffix.Length && stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return stem[..^suffix.Length];
        return stem;
    }

    static TimeSeriesDataset ToDataset(List<RawSeries> raw, ClassLabels classes, string? path, string split, string name)
    {
        var samples = new TimeSeriesSample[raw.Count];
        var source = path is null ? "" : Path.GetFileName(path);
        for (int i = 0; i < raw.Count; i++)
        {
            var r = raw[i];
            samples[i] = new TimeSeriesSample($"{split}-{i}", r.Values, r.Channels,
                r.Label.Length == 0 ? TimeSeriesSample.Unlabelled : classes.IndexOf(r.Label),
                new Dictionary<string, string> { ["source"] = source, ["line"] = r.Line.ToString() });
        }
        return new TimeSeriesDataset(samples, classes, new Dictionary<string, string>
        {
            [DatasetMetadata.Source] = path ?? "",
            [DatasetMetadata.Name] = name,
        });
    }
}
