using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// Checks that depend only on a step's arguments — "give exactly one of rate and factor", "n_fft must be a power of
/// two", a folder outside the run directory, a file that is not there — used to be thrown inside Fit, Load or Report,
/// after earlier steps (folds, ensemble members) had already run. Each plugin's options now state them in Validate,
/// and resolving the pipeline reports them with the file, line and column of the value they concern, before anything
/// runs (no run directory exists).
/// </summary>
public sealed class LateChecksSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public LateChecksSpecs() => _temp.Write("table.csv", "label,A_1,B_1\nx,1,2\n");

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// A pipeline whose step under test is the first thing after the name: its <c>plugin:</c> on line 3, its
    /// <c>with:</c> entries (<paramref name="with"/>, separated by ';') from line 5, values of the loader and the model
    /// at column 5 + key + 2, of a preprocessing or report step (list items) at 7 + key + 2.
    /// </summary>
    string Pipeline(string section, string plugin, string with)
    {
        bool listed = section is "preprocess" or "report";
        string indent = listed ? "      " : "    ";
        var entries = string.Join("\n", with.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(e => indent + e));
        var step = listed ? $"{section}:\n  - plugin: {plugin}\n    with:\n{entries}" : $"{section}:\n  plugin: {plugin}\n  with:\n{entries}";
        var rest = section switch
        {
            "loader" => "model: {plugin: 1nn}",
            "model" => "loader: {plugin: cbf}",
            _ => "loader: {plugin: cbf}\nmodel: {plugin: 1nn}",
        };
        return _temp.Write("late.yaml", $"name: late\n{step}\n{rest}\noutput: out\n");
    }

    [Theory]
    // resample
    [InlineData("preprocess", "resample", "kaiser_beta: 5", "preprocess[0] (resample): give exactly one of 'rate' (Hz) and 'factor'", 3, 5)]
    [InlineData("preprocess", "resample", "rate: 100; factor: 0.5", "preprocess[0] (resample): give exactly one of 'rate' (Hz) and 'factor'", 6, 15)]
    [InlineData("preprocess", "resample", "factor: 0.1234567", "factor 0.1234567 is not a fraction with terms up to 1000", 5, 15)]
    // bandpass
    [InlineData("preprocess", "bandpass", "low: 0; high: 0", "set a low or a high cut-off (both are 0)", 6, 13)]
    [InlineData("preprocess", "bandpass", "low: 40; high: 10", "low cut-off 40 Hz must be below the high cut-off 10 Hz", 5, 12)]
    // paa
    [InlineData("preprocess", "paa", "ratio: 0.5; length: 10", "give exactly one of 'ratio' and 'length'", 6, 15)]
    // stft
    [InlineData("preprocess", "stft", "n_fft: 200", "n_fft 200 must be a power of two (e.g. 128, 256, 512)", 5, 14)]
    [InlineData("preprocess", "stft", "n_fft: 256; bins: 200", "bins 200 exceeds the 129 bins of n_fft 256", 6, 13)]
    [InlineData("preprocess", "stft", "epsilon: 0", "scale log needs epsilon > 0", 5, 16)]
    // augment
    [InlineData("preprocess", "augment", "scale: [1.2, 0.8]", "scale must be [min, max] with 0 < min <= max, found [1.2, 0.8]", 5, 14)]
    [InlineData("preprocess", "augment", "noise: 0", "with noise 0 and scale [1, 1] the copies would equal the originals", 5, 14)]
    // xy-spectra
    [InlineData("loader", "xy-spectra", "data: .; classes: [a]", "loader (xy-spectra): 'classes' needs at least two names, found 1", 6, 14)]
    [InlineData("loader", "xy-spectra", "data: .; classes: [a, b, c]", "a threshold splits into two classes; 'classes' has 3 (use a label file for more)", 6, 14)]
    [InlineData("loader", "xy-spectra", "data: .; classes: [a, a]", "class name 'a' appears twice", 6, 14)]
    [InlineData("loader", "xy-spectra", "data: .; train_indices: [3, 5, 3]", "train_indices lists a position twice", 6, 20)]
    [InlineData("loader", "xy-spectra", "data: nowhere", "parameter 'data' names a folder that does not exist", 5, 11)]
    // two-theta-crop
    [InlineData("preprocess", "two-theta-crop", "from: 30; to: 20", "'to' (20) must exceed 'from' (30)", 6, 11)]
    // report, table-export, metrics
    [InlineData("report", "report", "folder: ../plots", "report[0] (report): parameter 'folder' must name a file or folder inside the run directory, found '../plots'", 5, 15)]
    [InlineData("report", "table-export", "folder: /tmp/tables", "parameter 'folder' must name a file or folder inside the run directory, found '/tmp/tables'", 5, 15)]
    [InlineData("report", "metrics", "file: ../metrics.json", "parameter 'file' must name a file or folder inside the run directory, found '../metrics.json'", 5, 13)]
    // random-forest
    [InlineData("model", "random-forest", "max_features: half", "model (random-forest): parameter 'max_features' must be sqrt, log2, all, a fraction", 5, 19)]
    // sample-table
    [InlineData("loader", "sample-table", "train: table.csv; column_pattern: '(?<band>'", "parameter 'column_pattern' is not a valid regular expression", 6, 21)]
    [InlineData("loader", "sample-table", "train: table.csv; bands: [A, B]; scale: [1, 2, 3]", "parameter 'scale' has 3 values for 2 band(s) (A, B)", 7, 12)]
    [InlineData("loader", "sample-table", "train: nowhere.csv", "parameter 'train' names a file that does not exist", 5, 12)]
    // cinc2017
    [InlineData("loader", "cinc2017", "data: .; test: .; test_records: RECORDS", "loader (cinc2017): give either a test folder ('test') or a list of test records ('test_records'), not both", 7, 19)]
    [InlineData("loader", "cinc2017", "data: .; test_labels: labels.csv", "'test_labels' needs a test folder ('test')", 6, 18)]
    [InlineData("loader", "cinc2017", "data: .; classes: [Normal]", "classes entry 'Normal' must read 'code=name', e.g. 'A=AF'", 6, 14)]
    // ucr
    [InlineData("loader", "ucr", "train: nowhere.tsv", "parameter 'train' names a file that does not exist", 5, 12)]
    public void Resolving_reports_a_former_late_check_at_its_value_before_anything_runs(string section, string plugin, string with,
        string expected, int line, int column)
    {
        var path = Pipeline(section, plugin, with);

        var errors = PipelineFiles.Errors(path);

        // One error at the value (the binder adds "missing required parameter" for a required path that does not exist).
        var error = Assert.Single(errors, e => e.Location.Line == line && e.Location.Column == column);
        Assert.StartsWith($"{path}:{line}:{column}: ", error.ToString());
        Assert.Contains(expected, error.Message);
        Assert.False(Directory.Exists(_temp["out"]), "nothing ran: no run directory");
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_in_one_pass()
    {
        var path = _temp.Write("many.yaml", """
            name: many
            loader:
              plugin: ucrr
            preprocess:
              - plugin: stft
                with:
                  n_fft: 200
              - plugin: bandpass
                with:
                  order: four
            output: out
            """);

        var errors = PipelineFiles.Errors(path).Select(e => e.ToString()).ToList();

        Assert.Contains(errors, e => e.StartsWith($"{path}:1:1: missing 'model'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"{path}:3:11: loader: unknown loader plugin 'ucrr'", StringComparison.Ordinal));
        Assert.Contains($"{path}:10:14: preprocess[1] (bandpass): parameter 'order' must be an integer, found 'four'", errors);
        Assert.Contains($"{path}:7:14: preprocess[0] (stft): n_fft 200 must be a power of two (e.g. 128, 256, 512)", errors);
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Every_number_a_built_in_plugin_takes_declares_a_range()
    {
        var numeric = new[] { ParameterType.Integer, ParameterType.Number, ParameterType.IntegerList, ParameterType.NumberList };
        var unbounded = Plugins.BuiltIn.Entries
            .SelectMany(entry => entry.Plugin.Parameters.Where(p => numeric.Contains(p.Type) && (p.Minimum is null || p.Maximum is null))
                .Select(p => $"{entry.Name}.{p.Name}"))
            .ToList();

        Assert.True(unbounded.Count == 0, "numbers without a Min and a Max: " + string.Join(", ", unbounded));
    }
}
