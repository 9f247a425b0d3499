using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// Every run gets a folder of its own, even when several runs of one pipeline start in the same second (side by side
/// with different <c>--set</c> values), and a folder is never handed out twice.
/// </summary>
public sealed class RunDirectorySpecs
{
    [Fact]
    public void Runs_started_in_the_same_second_get_distinct_folders()
    {
        using var temp = new TempFolder();
        var now = new DateTime(2026, 11, 23, 22, 28, 9);
        const int runs = 8, rounds = 50;

        // Many rounds of runs released together: the check-then-create window is narrow, so give it many chances.
        for (int round = 0; round < rounds; round++)
        {
            var name = $"side-by-side-{round}";
            var paths = new string[runs];
            using var start = new Barrier(runs);
            var threads = Enumerable.Range(0, runs).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                paths[i] = RunDirectory.Create(temp["runs"], name, now).Path;
            })).ToArray();
            foreach (var t in threads) t.Start();
            foreach (var t in threads) t.Join();

            Assert.Equal(runs, paths.Distinct().Count());
            Assert.All(paths, p => Assert.StartsWith($"{name}-20261123-222809", Path.GetFileName(p)));
        }
    }

    [Fact]
    public void A_folder_that_exists_already_is_not_reused()
    {
        using var temp = new TempFolder();
        var now = new DateTime(2026, 11, 23, 22, 28, 9);
        Directory.CreateDirectory(temp["runs/name-20261123-222809"]);

        var created = RunDirectory.Create(temp["runs"], "name", now);

        Assert.Equal("name-20261123-222809-1", Path.GetFileName(created.Path));
    }
}
