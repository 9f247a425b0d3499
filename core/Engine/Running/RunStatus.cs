using System.Text.Json;
using LstmFcn.Pipeline.Engine.Evaluation;
using LstmFcn.Pipeline.Engine.Models;
using LstmFcn.Pipeline.Engine.Outputs;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Plugins;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>run.json: the run's status, timings, peak memory and machine.</summary>
static class RunStatus
{
    public static void Write(RunDirectory dir, PipelineDefinition def, string status, DateTime started, string? error,
        Dictionary<string, double>? timings, Dictionary<string, object?>? identity = null)
    {
        var doc = new Dictionary<string, object?>
        {
            ["pipeline"] = def.Name,
            ["dataset"] = identity?.GetValueOrDefault("dataset"),
            ["model"] = identity?.GetValueOrDefault("model"),
            ["status"] = status,
            ["started_utc"] = started,
            ["finished_utc"] = status == "running" ? null : DateTime.UtcNow,
            ["seed"] = def.Seed,
            ["device"] = def.Device.ToString().ToLowerInvariant(),
            ["error"] = error,
            ["timings"] = timings,
            ["peak_working_set_mb"] = Math.Round(System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
            ["machine"] = new Dictionary<string, object>
            {
                ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
                ["cores"] = Environment.ProcessorCount,
                ["dotnet"] = Environment.Version.ToString(),
            },
        };
        dir.WriteText("run.json", JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
    }
}
