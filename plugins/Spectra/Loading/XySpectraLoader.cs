using System.Globalization;
using System.Text.RegularExpressions;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Spectra.Loading;

/// <summary>
/// <c>xy-spectra</c>: a folder of <c>.xy</c> diffraction spectra, one per time step of an experiment, ordered by the last
/// number in the file name (<c>..._m1_0007.xy</c> → 7), not alphabetically. Labels come from the position in that order
/// (<c>threshold</c>: positions below it are the first class — the HED ramp's phase 0 is positions 0…184) or from a
/// label file. The training set is the spectra at <c>train_indices</c> (the experimenter's labelled spectra); the test
/// set is every spectrum (as in the paper) or the rest. Every spectrum must have the same 2θ grid; samples keep their
/// position (<c>index</c>), file and 2θ range as metadata, so a 2θ crop and the phase-confidence report can use them.
/// </summary>
public sealed partial class XySpectraLoader : LoaderPlugin<XySpectraLoader.Options>
{
    /// <summary>The test set: every spectrum (the paper's protocol) or those not in train_indices.</summary>
    public enum TestSet { All, Rest }

    public sealed record Options : PluginOptions
    {
        [Parameter("folder of spectra files", Required = true, Path = PathKind.ExistingFolder)]
        public string Data { get; init; } = "";

        [Parameter("file name pattern inside the folder")]
        public string Pattern { get; init; } = "*.xy";

        [Parameter("positions (0-based, in file order) below this are the first class, the others the second; unused with 'labels'", Min = 0, Max = 100_000_000)]
        public int Threshold { get; init; } = 185;

        [Parameter("class names: [first, second] for the threshold, or the order of names in the label file")]
        public IReadOnlyList<string> Classes { get; init; } = ["phase0", "phase1"];

        [Parameter("label file: lines 'file-name-or-position,label' (header optional); spectra it omits are unlabelled", Path = PathKind.ExistingFile)]
        public string? Labels { get; init; }

        [Parameter("0-based positions of the training spectra (empty = every labelled spectrum)", Min = 0, Max = 100_000_000)]
        public IReadOnlyList<int> TrainIndices { get; init; } = [];

        [Parameter("test set: every spectrum (the paper's protocol) or those not in train_indices")]
        public TestSet Test { get; init; } = TestSet.All;

        [Parameter("largest accepted difference between two files' 2θ values, in degrees", Min = 0, Max = 10)]
        public double GridTolerance { get; init; } = 1e-3;

        public override IEnumerable<OptionProblem> Validate()
        {
            if (Classes.Count < 2)
                yield return new("classes", $"'classes' needs at least two names, found {Classes.Count}");
            else if (Labels is null && Classes.Count != 2)
                yield return new("classes", $"a threshold splits into two classes; 'classes' has {Classes.Count} (use a label file for more)");
            if (Classes.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1) is { } twice)
                yield return new("classes", $"class name '{twice.Key}' appears twice");
            if (TrainIndices.Distinct().Count() != TrainIndices.Count)
                yield return new("train_indices", "train_indices lists a position twice");
        }
    }

    public override string Name => "xy-spectra";
    public override string Description => "folder of .xy diffraction spectra (2θ, intensity) in experiment order; labels by index threshold or label file";

    protected override DatasetSplit Load(Options options, RunContext context)
    {
        var folder = options.Data;
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{options.Step}: data folder '{folder}' does not exist");
        var files = Ordered(Directory.GetFiles(folder, options.Pattern), options.Step);
        if (files.Count == 0)
            throw new FileNotFoundException($"{options.Step}: no file matching '{options.Pattern}' in '{folder}'");

        var spectra = new XyFile[files.Count];
        var errors = new Exception?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = context.WorkerThreads }, i =>
        {
            try { spectra[i] = XyFile.Read(files[i]); }
            catch (Exception e) { errors[i] = e; }
        });
        foreach (var e in errors) if (e is not null) throw e;
        CheckSameGrid(spectra, options.GridTolerance);

        var classes = new ClassLabels(options.Classes);
        var labels = options.Labels is { } labelFile
            ? LabelFile.Read(labelFile, files, classes)
            : ByThreshold(files.Count, options.Threshold);

        var first = spectra[0].TwoTheta;
        var samples = new TimeSeriesSample[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            var s = spectra[i];
            var metadata = new Dictionary<string, string>
            {
                ["index"] = i.ToString(CultureInfo.InvariantCulture),
                ["file"] = Path.GetFileName(s.Path),
                ["two_theta_first"] = first[0].ToString("R", CultureInfo.InvariantCulture),
                ["two_theta_last"] = first[^1].ToString("R", CultureInfo.InvariantCulture),
                ["header_lines"] = s.HeaderLines.ToString(CultureInfo.InvariantCulture),
            };
            samples[i] = new TimeSeriesSample(Path.GetFileNameWithoutExtension(s.Path), s.Intensity, 1, labels[i], metadata);
        }

        var trainIndices = options.TrainIndices;
        foreach (var t in trainIndices)
            if (t >= files.Count)
                throw new ArgumentException($"{options.Step}: train_indices has {t}, outside the {files.Count} spectra (0..{files.Count - 1})");
        var train = trainIndices.Count > 0
            ? trainIndices.Order().Select(i => samples[i]).ToList()
            : samples.Where(s => s.Label >= 0).ToList();
        foreach (var s in train)
            if (s.Label < 0) throw new ArgumentException($"{options.Step}: training spectrum {s.Metadata["index"]} ('{s.Metadata["file"]}') has no label");
        var chosen = new HashSet<TimeSeriesSample>(train);
        var test = options.Test == TestSet.All ? samples.ToList() : samples.Where(s => !chosen.Contains(s)).ToList();

        var meta = new Dictionary<string, string> { ["source"] = folder, ["points"] = first.Length.ToString(CultureInfo.InvariantCulture) };
        context.Log.Info($"{Name}: {files.Count} spectra of {first.Length} points, 2θ {first[0]:G6}…{first[^1]:G6}, header {spectra[0].HeaderLines} line(s); " +
                         $"{train.Count} for training, {test.Count} for testing");
        return new DatasetSplit(new TimeSeriesDataset(train, classes, meta), new TimeSeriesDataset(test, classes, meta));
    }

    /// <summary>Files by the last number in their name; a name without a number or a number used twice is an error.</summary>
    static List<string> Ordered(string[] files, string step)
    {
        var keyed = new List<(long Key, string File)>();
        foreach (var f in files)
        {
            var matches = Number().Matches(Path.GetFileNameWithoutExtension(f));
            if (matches.Count == 0) throw new SpectrumFormatException($"{f}: {step}: the file name has no number to order the spectra by");
            keyed.Add((long.Parse(matches[^1].Value, CultureInfo.InvariantCulture), f));
        }
        keyed.Sort((a, b) => a.Key.CompareTo(b.Key));
        for (int i = 1; i < keyed.Count; i++)
            if (keyed[i].Key == keyed[i - 1].Key)
                throw new SpectrumFormatException($"{keyed[i].File}: {step}: number {keyed[i].Key} also orders '{Path.GetFileName(keyed[i - 1].File)}'");
        return keyed.Select(k => k.File).ToList();
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();

    static void CheckSameGrid(XyFile[] spectra, double tolerance)
    {
        var reference = spectra[0];
        foreach (var s in spectra)
        {
            if (s.TwoTheta.Length != reference.TwoTheta.Length)
                throw new SpectrumFormatException(
                    $"{s.Path}: {s.TwoTheta.Length} data lines, but '{Path.GetFileName(reference.Path)}' has {reference.TwoTheta.Length}: every spectrum needs the same 2θ grid");
            for (int j = 0; j < s.TwoTheta.Length; j++)
                if (Math.Abs(s.TwoTheta[j] - reference.TwoTheta[j]) > tolerance)
                    throw new SpectrumFormatException(
                        $"{s.Path}:{s.HeaderLines + j + 1}: 2θ {s.TwoTheta[j]:G8} differs from {reference.TwoTheta[j]:G8} in '{Path.GetFileName(reference.Path)}': every spectrum needs the same 2θ grid");
        }
        var grid = reference.TwoTheta;
        double step = (grid[^1] - grid[0]) / (grid.Length - 1);
        for (int j = 1; j < grid.Length; j++)
            if (Math.Abs(grid[j] - grid[j - 1] - step) > 0.05 * step + tolerance)
                throw new SpectrumFormatException(
                    $"{reference.Path}:{reference.HeaderLines + j + 1}: 2θ step {grid[j] - grid[j - 1]:G6} differs from the mean step {step:G6}: the grid must be uniform");
    }

    static int[] ByThreshold(int count, int threshold)
    {
        var labels = new int[count];
        for (int i = 0; i < count; i++) labels[i] = i < threshold ? 0 : 1;
        return labels;
    }
}
