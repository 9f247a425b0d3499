namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// How a map's blocks are dealt to the workers of a cluster job: block i to shard i mod N — deterministic (every
/// worker computes the same tiling from the same cube and options) and balanced to within one block.
/// </summary>
public static class ShardedBlocks
{
    public static IReadOnlyList<Block> Of(IReadOnlyList<Block> blocks, int shard, int shards)
    {
        var mine = new List<Block>(blocks.Count / shards + 1);
        for (int i = shard; i < blocks.Count; i += shards) mine.Add(blocks[i]);
        return mine;
    }

    /// <summary>Every block is in the store with the right fingerprint, or an error listing the missing ones by shard.</summary>
    public static void RequireAll(IReadOnlyList<Block> blocks, BlockStore store, int classes, int shards, string folder)
    {
        var missing = new SortedDictionary<int, List<int>>();
        foreach (var block in blocks)
            if (!store.Has(block, classes))
            {
                int shard = block.Index % shards;
                if (!missing.TryGetValue(shard, out var list)) missing[shard] = list = [];
                list.Add(block.Index);
            }
        if (missing.Count == 0) return;
        int count = missing.Values.Sum(l => l.Count);
        var byShard = string.Join("; ", missing.Select(m => $"shard {m.Key}: block(s) {string.Join(", ", m.Value.Take(8))}{(m.Value.Count > 8 ? ", …" : "")}"));
        throw new InvalidDataException($"{folder}: {count} of {blocks.Count} blocks are missing (or from another model, cube or layout) — {byShard}. " +
                                       $"Run those shards again (lstmfcn classify … --shard I/{shards}), then merge");
    }
}
