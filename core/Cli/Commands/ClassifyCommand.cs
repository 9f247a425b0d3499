using System.Text;
using System.Text.Json;
using LstmFcn.Pipeline.Cli.Terminal;
using LstmFcn.Pipeline.Engine.Models;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Running;
using Spectre.Console;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// <c>lstmfcn classify MODEL CUBE [--output DIR] [--with KEY=VALUE]… [--smooth] [--uncertainty TYPE]</c>: a saved
/// model's map stage without a training part (sits_classify → sits_smooth → sits_label_classification). It is a
/// pipeline like any other — <c>model: {from: MODEL}</c> and a <c>map:</c> stage — resolved and checked the same way,
/// run in its own run directory (so <c>lstmfcn run --resume</c> finishes an interrupted one). A model trained on
/// cube points lends the cube's file naming and scaling; <c>--with</c> sets any cube-classify parameter.
/// </summary>
static class ClassifyCommand
{
    public const string Usage = "usage: lstmfcn classify MODEL CUBE [--output DIR] [--with KEY=VALUE]... [--roi XMIN,YMIN,XMAX,YMAX] [--smooth] [--uncertainty entropy|least|margin]";

    /// <summary>What a model trained on cube points tells about the cubes it classifies: how their files are named and scaled.</summary>
    static readonly string[] CubeNaming = ["pattern", "date_format", "extension", "scale", "offset"];

    public static int Execute(CommandLine cl)
    {
        if (cl.Positional.Count != 2) throw new UsageException(Usage);
        var uncertainty = cl.Options.GetValueOrDefault("--uncertainty");
        if (uncertainty is not (null or "entropy" or "least" or "margin"))
            throw new UsageException($"--uncertainty must be entropy, least or margin; found '{uncertainty}'");
        var modelFolder = NewDataPrediction.ModelFolderOf(cl.Positional[0]);
        var cube = Path.GetFullPath(cl.Positional[1]);
        var text = PipelineText(modelFolder, cube, SavedModelManifest.Read(modelFolder).Loader, cl.Options.ContainsKey("--smooth"), uncertainty,
            Path.GetFullPath(cl.Options.GetValueOrDefault("--output") ?? "runs"));

        var document = PipelineDocument.Parse(Path.Combine(Environment.CurrentDirectory, "(lstmfcn classify)"), new StringReader(text));
        foreach (var assignment in cl.WithArguments) document.ApplyOverride($"map.0.with.{assignment}", $"--with {assignment}");
        if (cl.Options.GetValueOrDefault("--roi") is { } roi) document.ApplyOverride($"map.0.with.roi=[{roi}]", $"--roi {roi}");
        foreach (var assignment in cl.Overrides) document.ApplyOverride(assignment);
        var catalog = PipelineLoading.Catalog(cl);
        var pipeline = PipelineResolver.Resolve(PipelineReader.Read(document), catalog);

        using var cancel = StopSignals.Listen();
        IConsoleSink console = cl.Quiet ? SilentConsole.Instance : new TerminalConsole();
        bool interactive = !cl.Quiet && AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
        var runner = new PipelineRunner(catalog);
        var result = cl.Quiet
            ? runner.Run(pipeline, new RunOptions(console, NoProgress.Instance, cancel.Token))
            : TerminalProgress.Run(interactive, progress => runner.Run(pipeline, new RunOptions(console, progress, cancel.Token)));
        Console.WriteLine(result.RunDirectory);
        return 0;
    }

    /// <summary>The pipeline the command runs, as YAML (values written as JSON, which YAML reads as they are).</summary>
    static string PipelineText(string model, string cube, SavedLoader? loader, bool smooth, string? uncertainty, string output)
    {
        var classify = new Dictionary<string, object?> { ["cube"] = cube };
        if (loader is { Plugin: "cube-points" })
            foreach (var key in CubeNaming)
                if (loader.Arguments.TryGetValue(key, out var value) && value is not null) classify[key] = value;
        var from = smooth ? "smoothed" : "probabilities";
        var name = $"classify-{Path.GetFileName(cube.TrimEnd('/'))}";
        var text = new StringBuilder();
        text.AppendLine($"name: {Json(name)}");
        text.AppendLine($"model: {{from: {Json(model)}}}");
        text.AppendLine("map:");
        text.AppendLine($"  - {{plugin: cube-classify, with: {Json(classify)}}}");
        if (smooth) text.AppendLine("  - cube-smooth");
        text.AppendLine($"  - {{plugin: cube-label, with: {{from: {from}}}}}");
        if (uncertainty is not null) text.AppendLine($"  - {{plugin: cube-uncertainty, with: {{type: {uncertainty}, from: {from}}}}}");
        text.AppendLine($"output: {Json(output)}");
        return text.ToString();
    }

    static string Json(object? value) => JsonSerializer.Serialize(value);
}
