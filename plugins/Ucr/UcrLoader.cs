using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Ucr;

/// <summary>The <c>ucr</c> loader: a train file and an optional test file in UCR .tsv or sktime .ts format.</summary>
public sealed class UcrLoader : LoaderPlugin<UcrLoader.Options>
{
    /// <summary>The file format; auto decides by extension (.ts: sktime, otherwise UCR .tsv).</summary>
    public enum FileFormat { Auto, Tsv, Ts }

    public sealed record Options : PluginOptions
    {
        [Parameter("training file (.tsv, .txt or .ts)", Required = true, Path = PathKind.ExistingFile)]
        public string Train { get; init; } = "";

        [Parameter("test file in the same format; leave out to only train", Path = PathKind.ExistingFile)]
        public string? Test { get; init; }

        [Parameter("file format; auto decides by extension")]
        public FileFormat Format { get; init; } = FileFormat.Auto;
    }

    public override string Name => "ucr";
    public override string Description => "UCR/UEA archive files: UCR 2018 .tsv or sktime .ts (uni/multivariate, unequal length)";

    protected override DatasetSplit Load(Options options, RunContext context)
    {
        var format = options.Format;
        var trainPath = options.Train;
        var trainRaw = ReadFile(trainPath, format);
        var testPath = options.Test;
        var testRaw = testPath is null ? new List<RawSeries>() : ReadFile(testPath, format);

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

    static List<RawSeries> ReadFile(string path, FileFormat format)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: data file not found", path);
        bool ts = format == FileFormat.Ts || (format == FileFormat.Auto && Path.GetExtension(path).Equals(".ts", StringComparison.OrdinalIgnoreCase));
        return ts ? SktimeTsReader.Read(path) : UcrTsvReader.Read(path);
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
            samples[i] = new TimeSeriesSample($"{split}-{i}", r.Values, r.Channels, classes.IndexOf(r.Label),
                new Dictionary<string, string> { ["source"] = source, ["line"] = r.Line.ToString() });
        }
        return new TimeSeriesDataset(samples, classes, new Dictionary<string, string>
        {
            [DatasetMetadata.Source] = path ?? "",
            [DatasetMetadata.Name] = name,
        });
    }
}
