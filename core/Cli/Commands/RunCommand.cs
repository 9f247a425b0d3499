using LstmFcn.Pipeline.Cli.Terminal;
using LstmFcn.Pipeline.Engine.Running;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// <c>lstmfcn run PIPELINE [--set k=v]... [--plugins DIR]... [--quiet]</c>, or <c>lstmfcn run --resume RUN_DIR</c> to
/// continue an interrupted run in its own directory from its resolved pipeline and checkpoints.
/// </summary>
static class RunCommand
{
    public static int Execute(CommandLine cl)
    {
        string? resume = null;
        if (cl.Options.TryGetValue("--resume", out var resumeDir))
        {
            if (cl.Positional.Count != 0) throw new UsageException("--resume RUN_DIR takes no pipeline file: it reruns RUN_DIR/pipeline.resolved.yaml");
            resume = Path.GetFullPath(resumeDir);
            if (!File.Exists(Path.Combine(resume, "pipeline.resolved.yaml")))
                throw new UsageException($"{resume}: not a run directory (no pipeline.resolved.yaml)");
        }
        var (pipeline, catalog) = PipelineLoading.Resolve(cl, resume is null ? null : Path.Combine(resume, "pipeline.resolved.yaml"));
        using var cancel = StopSignals.Listen(); // Ctrl+C and SIGTERM stop the run cleanly: run.json "cancelled", resumable
        var runner = new PipelineRunner(catalog);
        var result = CommandConsole.Run(cl, cancel.Token, options => runner.Run(pipeline, options, resume));
        Console.WriteLine(result.RunDirectory);
        return 0;
    }
}
