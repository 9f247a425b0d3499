namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// <c>lstmfcn merge DIR</c>: after the workers of <c>classify --shard I/N --output DIR</c>, checks that every block is
/// in <c>DIR/blocks</c> with the job's fingerprint (else exits 1 naming the missing blocks by shard) and assembles the
/// maps in a run directory under DIR, then smooths, labels and measures uncertainty as the job asks. Smoothing needs
/// each block's neighbours, so it runs after the merge, on the whole map, block by block (sits smooths after
/// classifying too); labelling and uncertainty are per pixel and cheap beside classification.
/// </summary>
static class MergeCommand
{
    public const string Usage = "usage: lstmfcn merge DIR   (DIR: the --output of lstmfcn classify --shard I/N)";

    public static int Execute(CommandLine cl)
    {
        if (cl.Positional.Count != 1) throw new UsageException(Usage);
        var folder = Path.GetFullPath(cl.Positional[0]);
        var job = ClassifyJob.Read(folder);
        return ClassifyCommand.Run(cl, job, folder, shard: null, assemble: true, job.Shards);
    }
}
