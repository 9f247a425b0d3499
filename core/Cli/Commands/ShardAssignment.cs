using System.Globalization;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// Which shard of a cluster job this process is: <c>--shard I/N</c>, or the array variables of the engine that
/// started it — Slurm (<c>SLURM_ARRAY_TASK_ID</c> − <c>SLURM_ARRAY_TASK_MIN</c> of <c>SLURM_ARRAY_TASK_COUNT</c>),
/// a Kubernetes Indexed Job (<c>JOB_COMPLETION_INDEX</c> of <c>--shards N</c> or <c>LSTMFCN_SHARDS</c>), AWS Batch
/// (<c>AWS_BATCH_JOB_ARRAY_INDEX</c> of <c>AWS_BATCH_JOB_ARRAY_SIZE</c>). None: the whole cube.
/// </summary>
public static class ShardAssignment
{
    public static (int Index, int Count)? Of(CommandLine cl) => Of(cl.Options.GetValueOrDefault("--shard"),
        cl.Options.GetValueOrDefault("--shards"), Environment.GetEnvironmentVariable);

    public static (int Index, int Count)? Of(string? shard, string? shards, Func<string, string?> env)
    {
        if (shard is not null)
        {
            var parts = shard.Split('/');
            if (parts.Length != 2 || !Whole(parts[0], out var i) || !Whole(parts[1], out var n) || n < 1 || i >= n)
                throw new UsageException($"--shard {shard}: expected I/N with 0 ≤ I < N, e.g. --shard 0/8");
            return (i, n);
        }
        if (env("SLURM_ARRAY_TASK_ID") is { } slurmId)
        {
            int min = env("SLURM_ARRAY_TASK_MIN") is { } m ? Number(m, "SLURM_ARRAY_TASK_MIN") : 0;
            int count = Number(env("SLURM_ARRAY_TASK_COUNT") ?? throw new UsageException(
                "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; give --shard I/N"), "SLURM_ARRAY_TASK_COUNT");
            return Checked(Number(slurmId, "SLURM_ARRAY_TASK_ID") - min, count, "SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN");
        }
        if (env("JOB_COMPLETION_INDEX") is { } k8sIndex)
        {
            var count = shards ?? env("LSTMFCN_SHARDS") ?? throw new UsageException(
                "JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set: give the job's completions as --shards N or LSTMFCN_SHARDS");
            return Checked(Number(k8sIndex, "JOB_COMPLETION_INDEX"), Number(count, "--shards"), "JOB_COMPLETION_INDEX");
        }
        if (env("AWS_BATCH_JOB_ARRAY_INDEX") is { } awsIndex)
            return Checked(Number(awsIndex, "AWS_BATCH_JOB_ARRAY_INDEX"),
                Number(env("AWS_BATCH_JOB_ARRAY_SIZE") ?? throw new UsageException("AWS_BATCH_JOB_ARRAY_INDEX is set but AWS_BATCH_JOB_ARRAY_SIZE is not; give --shard I/N"),
                    "AWS_BATCH_JOB_ARRAY_SIZE"), "AWS_BATCH_JOB_ARRAY_INDEX");
        return null;
    }

    static (int, int) Checked(int index, int count, string what) =>
        count >= 1 && index >= 0 && index < count ? (index, count)
            : throw new UsageException($"{what} = {index} is not a shard of {count} (0 .. {count - 1}); give --shard I/N");

    static bool Whole(string text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    static int Number(string text, string what) =>
        Whole(text, out var value) ? value : throw new UsageException($"{what} = '{text}': expected a whole number");
}
