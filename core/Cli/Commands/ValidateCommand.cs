namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary><c>lstmfcn validate PIPELINE</c>: every check a run makes before it starts work, and nothing else.</summary>
static class ValidateCommand
{
    public static int Execute(CommandLine cl)
    {
        var (pipeline, _) = PipelineLoading.Resolve(cl);
        var def = pipeline.Definition;
        Console.WriteLine($"{def.Document.Path}: valid. loader {pipeline.Loader?.Plugin.Name ?? "none (map only)"}, " +
                          $"{pipeline.Preprocess.Count} preprocessing step(s), model {pipeline.ModelName ?? "from " + def.ModelFrom}, " +
                          (pipeline.Map.Count > 0 ? $"map {string.Join(" → ", pipeline.Map.Select(m => m.Plugin.Name))}, " : "") +
                          $"{pipeline.Report.Count} reporter(s); runs go to {def.Output}");
        return 0;
    }
}
