using System.Text.Json;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// How schedulers stop jobs (Slurm's scancel and time limits, Kubernetes evictions, systemd: SIGTERM, then SIGKILL)
/// and what two processes on one run directory do: SIGTERM stops a run like Ctrl+C (run.json "cancelled", exit 143,
/// <c>--resume</c> continues from the checkpoint); a second process never writes a run directory another one owns.
/// </summary>
public sealed class HostileSignalSpecs : IDisposable
{
    const int SIGKILL = 9, SIGTERM = 15;
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A GunPoint LSTM-FCN training far longer than any spec waits, checkpointing every 2 epochs.</summary>
    string LongTraining() => PipelineFiles.GunPoint(_temp, "long", "{plugin: lstm-fcn, with: {epochs: 5000, checkpoint_every: 2}}",
        _temp["runs"], "dataset-znorm");

    string RunDirectory() => Assert.Single(Directory.GetDirectories(_temp["runs"]));

    static string Status(string runDirectory) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(runDirectory, "run.json"))).RootElement.GetProperty("status").GetString()!;

    static bool HasCheckpoint(string runs) =>
        Directory.Exists(runs) && Directory.GetDirectories(runs).Any(d => File.Exists(Path.Combine(d, "checkpoint", "state.json")));

    /// <summary>The epoch of the checkpoint a resume starts from (a kill between the swap's steps leaves it in checkpoint.next).</summary>
    static int CheckpointEpoch(string runDirectory)
    {
        var state = new[] { "checkpoint", "checkpoint.next" }.Select(f => Path.Combine(runDirectory, f, "state.json")).First(File.Exists);
        return JsonDocument.Parse(File.ReadAllText(state)).RootElement.GetProperty("Epoch").GetInt32();
    }

    [Fact]
    public void SIGTERM_stops_a_run_like_ctrl_c_and_resume_continues_from_its_checkpoint()
    {
        using var run = CliProcess.Start(_temp.Path, "run", LongTraining(), "--quiet");
        run.WaitUntil(() => HasCheckpoint(_temp["runs"]), 180, "checkpoint");

        run.Signal(SIGTERM);
        var stopped = run.WaitForExit(60);

        Assert.True(stopped.ExitCode == 143, stopped.ToString());
        Assert.DoesNotContain("Unhandled exception", stopped.Stderr);
        Assert.Contains("cancelled (SIGTERM)", stopped.Stderr);
        var dir = RunDirectory();
        Assert.Equal("cancelled", Status(dir));

        int epoch = CheckpointEpoch(dir);
        var resumed = Cli.Run(_temp.Path, "run", "--resume", dir, "--quiet", "--set", $"model.with.epochs={epoch + 2}");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains($"Resuming round 0 at epoch {epoch + 1}", File.ReadAllText(Path.Combine(dir, "run.log")));
        Assert.Equal("succeeded", Status(dir));
    }

    [Fact]
    public void A_second_process_on_a_run_directory_is_refused_naming_the_owner_and_a_dead_owners_lock_is_taken_over()
    {
        using var owner = CliProcess.Start(_temp.Path, "run", LongTraining(), "--quiet");
        owner.WaitUntil(() => HasCheckpoint(_temp["runs"]), 180, "checkpoint");
        var dir = RunDirectory();
        var logBefore = File.ReadAllText(Path.Combine(dir, "run.log"));

        var second = Cli.Run(_temp.Path, "run", "--resume", dir, "--quiet");

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Contains($"error: {dir} is in use by another lstmfcn process (pid {owner.Id}), which holds {RunDirectoryLock.FileName}", second.Stderr);
        Assert.DoesNotContain("Resuming in", File.ReadAllText(Path.Combine(dir, "run.log"))[logBefore.Length..]);

        owner.Signal(SIGKILL); // the kernel drops a dead process's lock; its lock file stays behind
        owner.WaitForExit(30);
        Assert.True(File.Exists(Path.Combine(dir, RunDirectoryLock.FileName)));
        int epoch = CheckpointEpoch(dir);

        var taken = Cli.Run(_temp.Path, "run", "--resume", dir, "--quiet", "--set", $"model.with.epochs={epoch + 1}");

        Assert.True(taken.ExitCode == 0, taken.ToString());
        Assert.Equal("succeeded", Status(dir));
    }
}
