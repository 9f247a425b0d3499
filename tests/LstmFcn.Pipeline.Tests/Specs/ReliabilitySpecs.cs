using System.Text.Json;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// Hostile-input cases that must end in a clear error (or a documented policy), never in a quiet wrong result:
/// non-finite values, one class, an edited saved model, a checkpoint caught mid-swap, labels of other names,
/// unexpanded paths, a map folder outside the run directory.
/// </summary>
[Collection(LibTorchCollection.Name)] // the checkpoint spec trains LSTM-FCN and compares predictions exactly
public sealed class ReliabilitySpecs : IDisposable
{
    readonly TempFolder _temp = new();
    public void Dispose() => _temp.Dispose();

    static string[] GunPointLines(string split) => File.ReadAllLines(Repo.Dataset("ucr", "GunPoint", split, "tsv"));

    string GunPointWith(string name, string[] train, string model = "1nn", string extra = "", string[]? test = null) => _temp.Write($"{name}.yaml", $"""
        name: {name}
        seed: 42
        loader: {"{"}plugin: ucr, with: {"{"}train: {_temp.Write($"{name}_TRAIN.tsv", string.Join("\n", train) + "\n")}, test: {_temp.Write($"{name}_TEST.tsv", string.Join("\n", test ?? GunPointLines("TEST")) + "\n")}{"}}"}
        preprocess: [znorm]
        model: {model}
        {extra}
        output: {_temp["runs"]}
        """);

    [Fact]
    public void A_nan_inside_a_training_series_is_an_error_naming_the_series_unless_a_policy_fills_it()
    {
        var train = GunPointLines("TRAIN");
        var cells = train[3].Split('\t');
        cells[70] = "NaN";
        train[3] = string.Join("\t", cells);

        var failure = Assert.Throws<RunFailedException>(() => PipelineFiles.Run(GunPointWith("nan", train)));
        var filled = PipelineFiles.Run(GunPointWith("nan-filled", train, extra: "missing: interpolate"));

        Assert.Contains("train-3", failure.Message);
        Assert.Contains("missing: interpolate", failure.Message);
        using var scores = JsonDocument.Parse(File.ReadAllText(Path.Combine(filled.RunDirectory, "scores.json")));
        Assert.True(scores.RootElement.GetProperty("accuracy").GetDouble() > 0.85);
    }

    [Fact]
    public void Training_data_of_one_class_is_refused_naming_the_class()
    {
        var oneClass = GunPointLines("TRAIN").Where(l => l.StartsWith("1")).ToArray();

        var failure = Assert.Throws<RunFailedException>(() => PipelineFiles.Run(GunPointWith("one-class", oneClass, test: oneClass)));

        Assert.Contains("only class '1'", failure.Message);
        Assert.Contains("at least two classes", failure.Message);
    }

    [Fact]
    public void A_saved_model_whose_files_were_edited_is_refused_naming_the_file()
    {
        var run = PipelineFiles.Run(GunPointWith("edited", GunPointLines("TRAIN"))).RunDirectory;
        var manifest = Path.Combine(run, "model", "pipeline-model.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"1\"", "\"one\""));

        var result = Cli.Run(_temp.Path, "predict", run, Repo.Dataset("ucr", "GunPoint", "TEST", "tsv"), "--output", _temp["out"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("pipeline-model.json", result.Stderr);
        Assert.Contains("checksums.sha256", result.Stderr);
        Assert.False(Directory.Exists(_temp["out"]));
    }

    [Fact]
    public void Labels_of_other_names_are_unknown_to_a_saved_model_never_matched_by_position()
    {
        var run = PipelineFiles.Run(GunPointWith("named", GunPointLines("TRAIN"))).RunDirectory;
        var renamed = _temp.Write("renamed.tsv", string.Join("\n", GunPointLines("TEST").Select(l => (l[0] == '1' ? "x" : "y") + l[l.IndexOf('\t')..])) + "\n");

        var result = Cli.Run(_temp.Path, "predict", run, renamed, "--output", _temp["out"], "-q");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var info = JsonDocument.Parse(File.ReadAllText(_temp["out/predict.json"]));
        Assert.Equal(0, info.RootElement.GetProperty("labelled").GetInt32());
        Assert.Equal(76, info.RootElement.GetProperty("unknown_labels").GetProperty("x").GetInt32());
        Assert.False(File.Exists(_temp["out/metrics.json"]), "no accuracy from labels the model does not know");
    }

    [Theory]
    [InlineData("next only")]          // killed after the old checkpoint was removed, before the new one was renamed
    [InlineData("old and next")]       // killed after the old one stepped aside
    public void A_checkpoint_caught_in_its_swap_resumes_from_the_complete_copy(string state)
    {
        var path = PipelineFiles.GunPoint(_temp, "swap", "{plugin: lstm-fcn, with: {epochs: 12, checkpoint_every: 4, filters: [16, 32, 16], cells: 4}}",
            _temp["runs"], "dataset-znorm");
        var straight = PipelineFiles.Run(path);
        var interrupted = PipelineFiles.Run(PipelineFiles.Resolve(path, null, "model.with.epochs=8"));
        var checkpoint = Path.Combine(interrupted.RunDirectory, "checkpoint");
        if (state == "old and next") CopyFolder(checkpoint, checkpoint + ".old");
        Directory.Move(checkpoint, checkpoint + ".next");

        var resumed = new PipelineRunner(Plugins.BuiltIn).Run(
            PipelineFiles.Resolve(Path.Combine(interrupted.RunDirectory, "pipeline.resolved.yaml"), null, "model.with.epochs=12"),
            new RunOptions(SilentConsole.Instance, NoProgress.Instance), interrupted.RunDirectory);

        Assert.Contains("Resuming round 0 at epoch 9", File.ReadAllText(Path.Combine(resumed.RunDirectory, "run.log")));
        Assert.Equal(File.ReadAllLines(Path.Combine(straight.RunDirectory, "predictions.csv")),
            File.ReadAllLines(Path.Combine(resumed.RunDirectory, "predictions.csv")));
    }

    static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    [Fact]
    public void A_path_is_taken_as_written_and_an_error_never_shows_a_files_content()
    {
        var secret = _temp.Write("home/.secret", "password=hunter2\n");
        var path = _temp.Write("env.yaml", $"""
            name: env
            loader: {"{"}plugin: ucr, with: {"{"}train: "%HOME%/.secret"{"}}"}
            model: 1nn
            output: {_temp["runs"]}
            """);

        var result = Cli.Run(_temp.Path, "validate", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("%HOME%/.secret", result.Stderr);
        Assert.DoesNotContain("hunter2", result.Stdout + result.Stderr);
        Assert.True(File.Exists(secret));
    }

    [Fact]
    public void Map_verbs_take_no_folder_their_maps_go_only_to_the_runs_map_folder()
    {
        var elsewhere = Directory.CreateDirectory(_temp["users-folder/blocks"]).FullName;
        File.WriteAllText(Path.Combine(elsewhere, "thesis.tex"), "keep me");
        var path = _temp.Write("map.yaml", $"""
            name: map
            loader: {"{"}plugin: ucr, with: {"{"}train: {Repo.Dataset("ucr", "GunPoint", "TRAIN", "tsv")}{"}}"}
            model: 1nn
            map:
              - {"{"}plugin: cube-classify, with: {"{"}cube: {Path.Combine(Repo.Datasets, "sits_mod13q1_sinop", "cube")}, map: {_temp["users-folder"]}{"}}"}
            output: {_temp["runs"]}
            """);

        var errors = PipelineFiles.Errors(path);

        Assert.Contains(errors, e => e.Message.Contains("unknown parameter 'map'"));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(elsewhere, "thesis.tex")));
    }
}
