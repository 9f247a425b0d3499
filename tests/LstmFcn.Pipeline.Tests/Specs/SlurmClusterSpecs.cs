using System.Diagnostics;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// <c>lstmfcn cluster slurm … --submit</c> on a real Slurm: the array of shard workers and the merge after it give the
/// single-machine maps byte for byte, also when a node dies under a running task.
/// </summary>
[Collection("slurm")]
public sealed class SlurmClusterSpecs : IClassFixture<LocalSlurm>, IDisposable
{
    readonly LocalSlurm _slurm;
    readonly TempFolder _temp = new();

    public SlurmClusterSpecs(LocalSlurm slurm) => _slurm = slurm;
    public void Dispose() => _temp.Dispose();

    (string Array, string Merge) Submit(string model, string cube, int tasks)
    {
        var result = Cli.Run(_temp.Path, _slurm.Environment, ["cluster", "slurm", model, cube, "--output", _temp["job"], "--tasks", $"{tasks}", "--submit",
            .. ShardedClassifySpecs.MapOptions]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var ids = result.Stdout.Split("array job ")[1].Split(", merge job ");
        return (ids[0].Trim(), ids[1].Split(' ')[0].Trim());
    }

    string MergedRun() => Directory.GetDirectories(_temp["job"], "classify-*").Single();

    [Fact]
    public void An_array_job_and_its_merge_give_the_single_machine_maps()
    {
        var (model, cube) = ShardedClassifySpecs.ModelAndTiledCube(_temp, 8);

        var (array, merge) = Submit(model, cube, tasks: 4);
        var merged = _slurm.Run(240, "wait", merge, "240");

        Assert.True(merged.Code == 0, merged.Output);
        Assert.Equal(0, _slurm.Run(10, "wait", array, "5").Code);
        ShardedClassifySpecs.SameMaps(ShardedClassifySpecs.Single(_temp, model, cube), MergedRun());
        Assert.Equal(4, Directory.GetDirectories(_temp["job/shards"]).Length);
    }

    [Fact]
    public void A_node_that_dies_under_a_task_loses_nothing_its_task_is_requeued_and_the_maps_are_the_same()
    {
        // MiniRocket, not 1-NN: 1-NN's map path (~2 000 000 px/s, benchmarks/raster) leaves a task little work after its
        // first block, so it could finish before the kill. MiniRocket (19 000–90 000 px/s by load and model) keeps each
        // of the three tasks busy for seconds over its third of the 800 × 800 px (57 blocks of 64 × 64 px).
        var (model, cube) = ShardedClassifySpecs.ModelAndTiledCube(_temp, 16, "minirocket");

        var (array, merge) = Submit(model, cube, tasks: 3);
        // Wait for a task on n2 to be well into its blocks, then kill the node (slurmd, step daemon, the task).
        string victim = "";
        var clock = Stopwatch.StartNew();
        while (victim.Length == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "no task ran on n2");
            victim = _slurm.Shell(10, "squeue", "-h", "-j", array, "-t", "running", "-w", "n2", "-o", "%K").Output.Trim();
            Thread.Sleep(500);
        }
        // Kill it as soon as blocks are being written: a fixed wait let a fast task finish first on a quiet machine
        // (a 1-NN map of 1 200 × 1 200 px took a few seconds), and then nothing was requeued.
        clock.Restart();
        while (!Directory.Exists(_temp["job/blocks"]) || Directory.GetFiles(_temp["job/blocks"], "block-*").Length == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "no block was written");
            Thread.Sleep(50);
        }
        _slurm.Run(30, "kill-node", "n2");
        // Slurm requeues the task when it sets the node DOWN (16–20 s here); the node's slurmd is started again after.
        clock.Restart();
        while (!_slurm.Shell(10, "sinfo", "-h", "-N", "-n", "n2", "-o", "%T").Output.Trim().StartsWith("down"))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "n2 was not set DOWN");
            Thread.Sleep(500);
        }
        _slurm.Run(30, "start-node", "n2");
        var merged = _slurm.Run(300, "wait", merge, "300");
        var tasks = _slurm.Run(10, "wait", array, "5");

        Assert.True(merged.Code == 0, merged.Output + tasks.Output);
        Assert.Contains($"{array}_{victim} COMPLETED exit=0:0 restarts=1", tasks.Output);
        ShardedClassifySpecs.SameMaps(ShardedClassifySpecs.Single(_temp, model, cube), MergedRun());
        Assert.Empty(Directory.GetFiles(_temp["job/blocks"], "*.partial"));
    }
}
