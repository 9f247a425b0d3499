using k8s;
using k8s.Models;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// A cube classified by several workers — each <c>classify --shard I/N</c> into one shared block store — and
/// assembled by <c>merge</c> gives the very bytes of a single-machine classify; a missing shard is named.
/// </summary>
public sealed class ShardedClassifySpecs : IDisposable
{
    readonly TempFolder _temp = new();
    public void Dispose() => _temp.Dispose();

    /// <summary>The Sinop cube tiled n × n (VRTs, nothing copied) and a model (1-NN unless named) trained on the Sinop points.</summary>
    internal static (string Model, string Cube) ModelAndTiledCube(TempFolder temp, int n, string model = "1nn")
    {
        var sinop = SinopPoints.Folder;
        var cube = temp[$"cube{n}"];
        var make = System.Diagnostics.Process.Start("bash", [Path.Combine(Repo.Root, "benchmarks", "raster", "make-tiled-cube.sh"), cube, n.ToString(), Path.Combine(sinop, "cube")])!;
        make.WaitForExit();
        Assert.Equal(0, make.ExitCode);
        var run = PipelineFiles.Run(SinopPoints.Pipeline(temp, temp["runs"], model)).RunDirectory;
        return (run, cube);
    }

    internal static readonly string[] MapOptions = ["--with", "extension=.vrt", "--with", "block=64", "--smooth", "--uncertainty", "entropy"];
    internal static readonly string[] MapFiles = ["probabilities.tif", "probabilities-smoothed.tif", "classes.tif", "uncertainty.tif", "quicklook.png"];

    /// <summary>
    /// The reference: the whole cube classified by one process. Its limit is wider than other commands' 90 s because
    /// MiniRocket (the dying-node spec's model) maps at ~19 000 px/s beside two training jobs: 1 200 × 1 200 px took 99.5 s.
    /// </summary>
    internal static string Single(TempFolder temp, string model, string cube)
    {
        var single = CliProcess.Start(temp.Path, ["classify", model, cube, "--output", temp["single"], "-q", .. MapOptions]).WaitForExit(300);
        Assert.True(single.ExitCode == 0, single.ToString());
        return single.Stdout.Trim();
    }

    internal static void SameMaps(string expectedRun, string actualRun)
    {
        foreach (var file in MapFiles)
            Assert.True(File.ReadAllBytes(Path.Combine(expectedRun, "map", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualRun, "map", file))),
                $"{file} differs between {expectedRun} and {actualRun}");
    }

    [Fact]
    public void Indexed_workers_and_a_merge_give_the_single_machine_maps_byte_for_byte()
    {
        var (model, cube) = ModelAndTiledCube(_temp, 8);
        var job = _temp["job"];

        // As a Kubernetes Indexed Job starts them: the index from JOB_COMPLETION_INDEX, the count given.
        for (int i = 2; i >= 0; i--)
        {
            var worker = Cli.Run(_temp.Path, new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = $"{i}", ["LSTMFCN_SHARDS"] = "3" },
                ["classify", model, cube, "--output", job, "-q", .. MapOptions]);
            Assert.True(worker.ExitCode == 0, worker.ToString());
        }
        // A shard run twice by accident changes nothing.
        Assert.Equal(0, Cli.Run(_temp.Path, ["classify", model, cube, "--output", job, "--shard", "1/3", "-q", .. MapOptions]).ExitCode);
        // What a worker killed mid-write leaves: the merge, once every shard is done, removes it.
        File.WriteAllText(Path.Combine(job, "blocks", "block-000000-000000.bin.4242-0123abcd.partial"), "half a block");
        var merge = Cli.Run(_temp.Path, "merge", job, "-q");

        Assert.True(merge.ExitCode == 0, merge.ToString());
        SameMaps(Single(_temp, model, cube), merge.Stdout.Trim());
        Assert.Equal(49, Directory.GetFiles(Path.Combine(job, "blocks"), "block-*.bin").Length); // 400 × 400 px in blocks of 64
        Assert.Empty(Directory.GetFiles(Path.Combine(job, "blocks"), "*.partial"));
    }

    [Fact]
    public void A_merge_with_a_shard_missing_fails_naming_it()
    {
        var (model, cube) = ModelAndTiledCube(_temp, 8);
        var job = _temp["job"];
        foreach (var shard in new[] { "0/3", "2/3" })
            Assert.Equal(0, Cli.Run(_temp.Path, ["classify", model, cube, "--output", job, "--shard", shard, "-q", .. MapOptions]).ExitCode);

        var merge = Cli.Run(_temp.Path, "merge", job);

        Assert.NotEqual(0, merge.ExitCode);
        Assert.Contains("16 of 49 blocks are missing", merge.Stderr);
        Assert.Contains("shard 1: block(s) 1, 4, 7", merge.Stderr);
        Assert.DoesNotContain("shard 0:", merge.Stderr);
    }

    [Fact]
    public void Array_variables_of_slurm_and_aws_batch_choose_the_shard()
    {
        var (model, cube) = ModelAndTiledCube(_temp, 8);
        var slurm = Cli.Run(_temp.Path, new Dictionary<string, string>
        {
            ["SLURM_ARRAY_TASK_ID"] = "11", ["SLURM_ARRAY_TASK_MIN"] = "10", ["SLURM_ARRAY_TASK_COUNT"] = "4",
        }, ["classify", model, cube, "--output", _temp["job"], "-q", .. MapOptions]);
        var aws = Cli.Run(_temp.Path, new Dictionary<string, string> { ["AWS_BATCH_JOB_ARRAY_INDEX"] = "3", ["AWS_BATCH_JOB_ARRAY_SIZE"] = "4" },
            ["classify", model, cube, "--output", _temp["job"], "-q", .. MapOptions]);
        var outOfRange = Cli.Run(_temp.Path, new Dictionary<string, string> { ["AWS_BATCH_JOB_ARRAY_INDEX"] = "4", ["AWS_BATCH_JOB_ARRAY_SIZE"] = "4" },
            ["classify", model, cube, "--output", _temp["job"], "-q", .. MapOptions]);

        Assert.True(slurm.ExitCode == 0, slurm.ToString());
        Assert.EndsWith("shard-1-of-4", Path.GetFileName(slurm.Stdout.Trim())[..12]);
        Assert.True(aws.ExitCode == 0, aws.ToString());
        Assert.StartsWith("shard-3-of-4", Path.GetFileName(aws.Stdout.Trim()));
        Assert.Equal(2, outOfRange.ExitCode);
        Assert.Contains("AWS_BATCH_JOB_ARRAY_INDEX = 4 is not a shard of 4", outOfRange.Stderr);
    }

    [Fact]
    public void The_kubernetes_files_are_an_indexed_job_and_a_merge_job_on_one_shared_volume()
    {
        var result = Cli.Run(_temp.Path, "cluster", "kubernetes", "/data/model", "/data/cube", "--output", "/data/maps", "--tasks", "12",
            "--image", "registry.example/lstmfcn:1", "--volume-claim", "maps", "--files", _temp["k8s"], "--with", "scale=0.0001");

        Assert.True(result.ExitCode == 0, result.ToString());
        var job = KubernetesYaml.Deserialize<V1Job>(File.ReadAllText(_temp["k8s/classify-indexed-job.yaml"]), strict: true);
        var merge = KubernetesYaml.Deserialize<V1Job>(File.ReadAllText(_temp["k8s/merge-job.yaml"]), strict: true);
        Assert.Equal("Indexed", job.Spec.CompletionMode);
        Assert.Equal(12, job.Spec.Completions);
        Assert.Equal(3, job.Spec.BackoffLimitPerIndex);
        var worker = job.Spec.Template.Spec.Containers.Single();
        Assert.Equal(["classify", "/data/model", "/data/cube", "--output", "/data/maps", "--shards", "12", "--quiet", "--with", "scale=0.0001"], worker.Args);
        Assert.Equal("maps", job.Spec.Template.Spec.Volumes.Single().PersistentVolumeClaim.ClaimName);
        Assert.Equal(["merge", "/data/maps", "--quiet"], merge.Spec.Template.Spec.Containers.Single().Args);
        Assert.Equal(worker.VolumeMounts.Single().MountPath, merge.Spec.Template.Spec.Containers.Single().VolumeMounts.Single().MountPath);
    }
}
