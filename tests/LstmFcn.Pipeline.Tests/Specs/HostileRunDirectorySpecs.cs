using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;
using Xunit.Abstractions;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// A run directory on a file system that says no — full, read-only, not writable — fails once, with an error that
/// names the folder and the reason, and leaves nothing half-written; its log never takes the run down with it.
/// Full and read-only file systems are real tmpfs mounts (root only; otherwise those cases say why and check nothing).
/// </summary>
public sealed class HostileRunDirectorySpecs(ITestOutputHelper output) : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0);

    static T Within<T>(double seconds, Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"did not finish within {seconds} s");
        return task.Result;
    }

    bool Skipped()
    {
        if (Tmpfs.Unavailable is not { } why) return false;
        output.WriteLine($"SKIPPED: {why}");
        return true;
    }

    [Fact]
    public void A_full_disk_fails_run_directory_creation_once_and_leaves_no_folder()
    {
        if (Skipped()) return;
        using var disk = Tmpfs.Mount(_temp["full"], 2048);
        disk.Fill();

        var e = Within(10, () => Assert.Throws<RunDirectoryException>(() => RunDirectory.Create(disk.Path, "p", Now)));

        Assert.Equal($"{disk.Path}: cannot write a run directory in it (no space left on the device); " +
                     "choose a writable output folder with free space (output: or --set output=DIR)", e.Message);
        Assert.Empty(Directory.GetDirectories(disk.Path));
    }

    [Fact]
    public void A_read_only_file_system_is_named_as_the_reason()
    {
        if (Skipped()) return;
        using var disk = Tmpfs.Mount(_temp["ro"], 64, readOnly: true);

        var e = Assert.Throws<RunDirectoryException>(() => RunDirectory.Create(disk.Path, "p", Now));

        Assert.Contains($"{disk.Path}: cannot create a run directory in it (read-only file system)", e.Message);
    }

    [Fact]
    public void An_output_folder_that_cannot_be_created_or_written_is_named_with_the_reason()
    {
        // Root ignores permissions: a folder that is not a folder stands in then, refused by the kernel all the same.
        var output = _temp["locked"];
        Directory.CreateDirectory(output);
        string expected;
        if (Tmpfs.IsRoot)
        {
            output = _temp.Write("a-file", "not a folder");
            expected = $"{output}: cannot create the output folder";
        }
        else
        {
            File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            expected = $"{output}: cannot create a run directory in it (permission denied)";
        }

        var e = Assert.Throws<RunDirectoryException>(() => RunDirectory.Create(output, "p", Now));

        Assert.StartsWith(expected, e.Message);
        if (!Tmpfs.IsRoot) File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void Run_directory_names_are_tried_a_bounded_number_of_times()
    {
        var output = _temp["runs"];
        for (int i = 0; i < RunDirectory.MaxNameAttempts; i++)
            Directory.CreateDirectory(Path.Combine(output, i == 0 ? "p-20261201-120000" : $"p-20261201-120000-{i}"));

        var e = Within(10, () => Assert.Throws<RunDirectoryException>(() => RunDirectory.Create(output, "p", Now)));

        Assert.Contains($"{RunDirectory.MaxNameAttempts} run directories named p-20261201-120000[-N] exist already", e.Message);
        Assert.Equal(RunDirectory.MaxNameAttempts, Directory.GetDirectories(output).Length);
    }

    [Fact]
    public void A_file_the_disk_has_no_room_for_is_named_and_leaves_neither_it_nor_its_partial()
    {
        if (Skipped()) return;
        using var disk = Tmpfs.Mount(_temp["full"], 2048);
        var dir = RunDirectory.Create(disk.Path, "p", Now);
        disk.Fill();

        var e = Assert.Throws<RunDirectoryException>(() => dir.Write("predictions.csv", s => s.Write(new byte[64 * 1024])));

        Assert.Equal($"{dir.PathOf("predictions.csv")}: cannot write (no space left on the device)", e.Message);
        Assert.False(File.Exists(dir.PathOf("predictions.csv")));
        Assert.False(File.Exists(dir.PathOf("predictions.csv.partial")));
    }

    sealed class RecordingConsole : IConsoleSink
    {
        public List<string> Lines { get; } = new();
        public void Line(string level, string message) => Lines.Add($"{level}: {message}");
        public void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows) => Lines.Add($"table: {title}");
    }

    [Fact]
    public void A_run_log_on_a_full_disk_keeps_the_run_going_and_says_so_once()
    {
        // /dev/full: every write fails with ENOSPC, as on a disk that filled up during the run.
        var console = new RecordingConsole();
        using var log = new RunLog("/dev/full", console);

        log.Info("first");
        log.Table("t", new[] { "a" }, new[] { new[] { "1" } });
        log.Warn("second");

        Assert.Equal(new[] { "warn: /dev/full: cannot write the run log (no space left on the device); it continues on the console only",
                             "info: first", "table: t", "warn: second" }, console.Lines);
        Assert.Null(log.FilePath);
    }
}
