using System.Text;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Neighbours;

/// <summary>Binary file of a labelled dataset: what a nearest-neighbour model remembers.</summary>
static class SampleStore
{
    const string Magic = "LSTMFCN-SAMPLES-1";

    public static void Write(string path, TimeSeriesDataset data)
    {
        using var w = new BinaryWriter(File.Create(path), Encoding.UTF8);
        w.Write(Magic);
        w.Write(data.Classes.Count);
        foreach (var n in data.Classes.Names) w.Write(n);
        w.Write(data.Count);
        foreach (var s in data.Samples)
        {
            w.Write(s.Id);
            w.Write(s.Label);
            w.Write(s.Channels);
            w.Write(s.Values.Length);
            foreach (var v in s.Values) w.Write(v);
        }
    }

    public static TimeSeriesDataset Read(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        if (r.ReadString() != Magic) throw new InvalidDataException($"{path}: not a saved nearest-neighbour model");
        var names = new string[r.ReadInt32()];
        for (int i = 0; i < names.Length; i++) names[i] = r.ReadString();
        var samples = new TimeSeriesSample[r.ReadInt32()];
        for (int i = 0; i < samples.Length; i++)
        {
            var id = r.ReadString();
            int label = r.ReadInt32(), channels = r.ReadInt32();
            var values = new float[r.ReadInt32()];
            for (int k = 0; k < values.Length; k++) values[k] = r.ReadSingle();
            samples[i] = new TimeSeriesSample(id, values, channels, label);
        }
        return new TimeSeriesDataset(samples, new ClassLabels(names));
    }
}
