using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// An ensemble with a network resumes that network from its checkpoint. Apart from <see cref="EnsembleSpecs"/> because
/// it trains torch in this process, which must not run beside other specs (<see cref="LibTorchCollection"/>): in the
/// parallel phase of a full run under load, its uninterrupted and interrupted trainings once differed from epoch 10 on.
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class EnsembleResumeSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_resumed_ensemble_continues_its_network_from_the_checkpoint_it_left()
    {
        var path = PipelineFiles.GunPoint(_temp, "resume",
            "{ensemble: [{plugin: lstm-fcn, with: {epochs: 30, checkpoint_every: 10, filters: [16, 32, 16]}}, 1nn]}", _temp["runs"], "dataset-znorm");
        var straight = PipelineFiles.Run(path);

        // Stop the network after 20 epochs (its checkpoint at epoch 20 is what a killed run leaves), then resume to 30.
        var interrupted = PipelineFiles.Run(PipelineFiles.Resolve(path, null, "model.ensemble.0.with.epochs=20"));
        Assert.True(Directory.Exists(Path.Combine(interrupted.RunDirectory, "members", "1-lstm-fcn", "checkpoint")));
        var resumedPipeline = PipelineFiles.Resolve(Path.Combine(interrupted.RunDirectory, "pipeline.resolved.yaml"), null,
            "model.ensemble.0.with.epochs=30");
        var resumed = new PipelineRunner(Plugins.BuiltIn).Run(resumedPipeline,
            new RunOptions(SilentConsole.Instance, NoProgress.Instance), interrupted.RunDirectory);

        string[] History(RunResult run) => File.ReadLines(Path.Combine(run.RunDirectory, "members", "1-lstm-fcn", "history.csv"))
            .Select(l => string.Join(',', l.Split(',').Take(7))).ToArray();
        Assert.Contains("Resuming round 0 at epoch 21", File.ReadAllText(Path.Combine(resumed.RunDirectory, "run.log")));
        Assert.Equal(31, History(resumed).Length);
        Assert.Equal(History(straight), History(resumed));
        Assert.Equal(straight.Probabilities!.Values, resumed.Probabilities!.Values);
    }
}
