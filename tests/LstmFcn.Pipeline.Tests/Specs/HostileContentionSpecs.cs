using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// A map run never runs more threads than the cores it may use: each of its workers gets a share of the run's threads,
/// and more workers than threads are cut to the thread count (measurements: benchmarks/contention/results.md).
/// </summary>
public sealed class HostileContentionSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    static string SinopFolder => Path.Combine(Repo.Datasets, "sits_mod13q1_sinop");

    string MapPipeline(int threads, int workers) => _temp.Write("map.yaml", $"""
        name: map
        seed: 42
        threads: {threads}
        loader:
          plugin: cube-points
          with:
            cube: {Path.Combine(SinopFolder, "cube")}
            pattern: "{"{satellite}_{tile}_{band}_{date}"}"
            scale: 0.0001
            points: {Path.Combine(SinopFolder, "samples", "samples_sinop_crop.csv")}
        preprocess: [znorm]
        model: {"{plugin: 1nn}"}
        map:
          - plugin: cube-classify
            with:
              cube: {Path.Combine(SinopFolder, "cube")}
              pattern: "{"{satellite}_{tile}_{band}_{date}"}"
              scale: 0.0001
              block: 16
              workers: {workers}
        output: {_temp["runs"]}
        """);

    [Theory]
    [InlineData(2, 4, 2, 1)]   // more workers than threads: cut to the threads, one thread each
    [InlineData(4, 2, 2, 2)]   // the threads shared among the workers
    public void Map_workers_times_threads_never_exceed_the_runs_threads(int threads, int workers, int usedWorkers, int threadsEach)
    {
        var run = PipelineFiles.Run(MapPipeline(threads, workers));

        var log = File.ReadAllText(Path.Combine(run.RunDirectory, "run.log"));
        Assert.Contains($"{usedWorkers} worker(s) × {threadsEach} thread(s)", log);
        Assert.Equal(usedWorkers < workers, log.Contains($"cube-classify: {workers} workers asked for, {usedWorkers} used"));
        Assert.True(File.Exists(Path.Combine(run.RunDirectory, "map", "probabilities.tif")));
    }
}
