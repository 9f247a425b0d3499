using System.Text;
using LstmFcn.Pipeline.Files;
using static TorchSharp.torch;

namespace LstmFcn.Torch;

/// <summary>A named set of tensors (weights, running statistics, RNG state) in a small binary file.</summary>
public static class StateFile
{
    const string Magic = "LSTMFCN-STATE-1";

    public static void Write(string path, IReadOnlyDictionary<string, Tensor> state)
    {
        AtomicFile.Write(path, stream =>
        {
            using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            w.Write(Magic);
            w.Write(state.Count);
            foreach (var (name, tensor) in state)
            {
                using var scope = NewDisposeScope(); // detach() and cpu() make intermediates too
                var cpu = tensor.detach().cpu().contiguous();
                w.Write(name);
                w.Write((int)cpu.dtype);
                w.Write(cpu.shape.Length);
                foreach (var d in cpu.shape) w.Write(d);
                var bytes = cpu.bytes;
                w.Write(bytes.Length);
                w.Write(bytes);
            }
        });
    }

    public static Dictionary<string, Tensor> Read(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        if (r.ReadString() != Magic) throw new InvalidDataException($"{path}: not a state file");
        int count = r.ReadInt32();
        var result = new Dictionary<string, Tensor>(count);
        for (int i = 0; i < count; i++)
        {
            var name = r.ReadString();
            var dtype = (ScalarType)r.ReadInt32();
            var shape = new long[r.ReadInt32()];
            for (int d = 0; d < shape.Length; d++) shape[d] = r.ReadInt64();
            var bytes = r.ReadBytes(r.ReadInt32());
            var t = empty(shape, dtype);
            t.bytes = bytes;
            result[name] = t;
        }
        return result;
    }
}
