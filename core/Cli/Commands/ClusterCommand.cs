namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// <c>lstmfcn cluster slurm|kubernetes MODEL CUBE --output DIR --tasks N …</c>: writes the files that run
/// <c>classify --shard I/N</c> on a cluster engine users already have — a Slurm job array and its merge job (with
/// <c>--submit</c>: submitted, the merge <c>afterok</c> the array), or a Kubernetes Indexed Job and its merge Job —
/// into <c>DIR/cluster/</c>. No scheduler of our own: the shared block store is the record of finished work.
/// </summary>
static class ClusterCommand
{
    public const string Usage = "usage: lstmfcn cluster slurm MODEL CUBE --output DIR --tasks N [--partition P] [--time HH:MM:SS] [--with KEY=VALUE]... [--roi …] [--smooth] [--uncertainty T] [--submit]\n" +
                                "       lstmfcn cluster kubernetes MODEL CUBE --output DIR --tasks N --image IMAGE --volume-claim PVC [--mount /data] [--files DIR] [--with KEY=VALUE]...\n" +
                                "       (kubernetes: MODEL, CUBE and DIR are paths inside the containers, on the shared volume)";

    public static int Execute(CommandLine cl)
    {
        if (cl.Positional.Count != 3 || cl.Positional[0] is not ("slurm" or "kubernetes")) throw new UsageException(Usage);
        var output = cl.Options.GetValueOrDefault("--output") ?? throw new UsageException("--output DIR is needed: the folder every worker shares (blocks, maps, logs)");
        if (!int.TryParse(cl.Options.GetValueOrDefault("--tasks"), out var tasks) || tasks < 1 || tasks > 100000)
            throw new UsageException("--tasks N is needed: how many shards (array tasks), 1 .. 100000");
        var model = cl.Positional[1];
        var cube = cl.Positional[2];
        // What every worker (and so the merge) is asked for, beyond the shard.
        var with = new List<string>();
        foreach (var w in cl.WithArguments) with.AddRange(["--with", w]);
        if (cl.Options.GetValueOrDefault("--roi") is { } roi) with.AddRange(["--roi", roi]);
        if (cl.Options.ContainsKey("--smooth")) with.Add("--smooth");
        if (cl.Options.GetValueOrDefault("--uncertainty") is { } uncertainty) with.AddRange(["--uncertainty", uncertainty]);
        if (cl.Positional[0] == "slurm")
        {
            var files = SlurmJob.Write(Path.GetFullPath(model), Path.GetFullPath(cube), Path.GetFullPath(output), tasks, with,
                cl.Options.GetValueOrDefault("--partition"), cl.Options.GetValueOrDefault("--time"));
            foreach (var f in files) Console.WriteLine(f);
            if (cl.Options.ContainsKey("--submit")) SlurmJob.Submit(Path.GetFullPath(output));
            return 0;
        }
        if (cl.Options.ContainsKey("--submit")) throw new UsageException("--submit is for slurm; apply the Kubernetes files with kubectl (see the comments in them)");
        var image = cl.Options.GetValueOrDefault("--image") ?? throw new UsageException("--image IMAGE is needed: a container image with lstmfcn on its PATH");
        var claim = cl.Options.GetValueOrDefault("--volume-claim") ?? throw new UsageException("--volume-claim PVC is needed: the shared volume (ReadWriteMany) holding the model, the cube and DIR");
        var manifests = Path.GetFullPath(cl.Options.GetValueOrDefault("--files") ?? "lstmfcn-kubernetes");
        foreach (var f in KubernetesJob.Write(manifests, model, cube, output, tasks, with, image, claim, cl.Options.GetValueOrDefault("--mount") ?? "/data"))
            Console.WriteLine(f);
        return 0;
    }
}
