using System.Text;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// Finished blocks of a map on disk, so a killed run continues where it stopped. Each block file records the
/// fingerprint of the model, cube and parameters that produced it; a block from anything else is ignored and redone.
/// Files are written under a temporary name and renamed, so a block file that exists is whole.
/// </summary>
public sealed class BlockStore
{
    static readonly byte[] Magic = "LFMB1\n"u8.ToArray();
    readonly string _folder;
    readonly byte[] _fingerprint;

    public BlockStore(string folder, string fingerprint)
    {
        _folder = folder;
        _fingerprint = Encoding.ASCII.GetBytes(fingerprint);
        Directory.CreateDirectory(folder);
    }

    string PathOf(Block b) => Path.Combine(_folder, $"block-{b.Y:D6}-{b.X:D6}.bin");

    /// <summary>The stored values of a block (bands × pixels), or null when absent or made by something else.</summary>
    public ushort[]? TryRead(Block block, int bands)
    {
        var path = PathOf(block);
        if (!File.Exists(path)) return null;
        var bytes = File.ReadAllBytes(path);
        int header = Magic.Length + _fingerprint.Length + 5 * 4;
        if (bytes.Length != header + bands * block.Pixels * 2) return null;
        if (!bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
        if (!bytes.AsSpan(Magic.Length, _fingerprint.Length).SequenceEqual(_fingerprint)) return null;
        var dims = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(bytes.AsSpan(Magic.Length + _fingerprint.Length, 20));
        if (dims[0] != block.X || dims[1] != block.Y || dims[2] != block.Width || dims[3] != block.Height || dims[4] != bands) return null;
        var values = new ushort[bands * block.Pixels];
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(bytes.AsSpan(header)).CopyTo(values);
        return values;
    }

    /// <summary>Whether the store holds this block, whole and from this fingerprint.</summary>
    public bool Has(Block block, int bands) => TryRead(block, bands) is not null;

    /// <summary>
    /// Writes a block under a name of this process's own, flushes it to disk and renames it: on a shared file system a
    /// worker that dies leaves no half-written block, and two workers given the same block by accident each write
    /// their own file and the last rename wins (with the same bytes).
    /// </summary>
    public void Write(Block block, int bands, ReadOnlySpan<ushort> values)
    {
        var bytes = new byte[Magic.Length + _fingerprint.Length + 5 * 4 + values.Length * 2];
        Magic.CopyTo(bytes, 0);
        _fingerprint.CopyTo(bytes, Magic.Length);
        Span<int> dims = stackalloc int[] { block.X, block.Y, block.Width, block.Height, bands };
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(dims).CopyTo(bytes.AsSpan(Magic.Length + _fingerprint.Length));
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values).CopyTo(bytes.AsSpan(Magic.Length + _fingerprint.Length + 20));
        AtomicFile.Write(PathOf(block), stream => stream.Write(bytes), unique: true);
    }

    public void Delete() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Removes the half-written files of workers that were killed mid-write (their temporary names end in
    /// <c>.partial</c>). Only once no worker writes any more — when a sharded map is assembled — can such a file be
    /// told from one still being written; on a shared file system a process id says nothing about other nodes.
    /// </summary>
    public int RemoveOrphans()
    {
        int removed = 0;
        foreach (var orphan in Directory.GetFiles(_folder, "*" + AtomicFile.PartialSuffix))
        {
            try { File.Delete(orphan); removed++; }
            catch (IOException) { /* gone already, or still held open by a dying process: its name says it is incomplete */ }
        }
        return removed;
    }
}
