namespace LstmFcn.Plugins.Tables;

/// <summary>Per-band scale and offset (value × scale + offset): one pair for all bands or one per band.</summary>
public sealed class ChannelScaling
{
    readonly double[] _scale, _offset;

    public ChannelScaling(IReadOnlyList<double> scale, IReadOnlyList<double> offset, IReadOnlyList<string> channels, string step)
    {
        _scale = Expand(scale, "scale", 1.0, channels, step);
        _offset = Expand(offset, "offset", 0.0, channels, step);
    }

    public float Apply(int channel, double raw) => (float)(raw * _scale[channel] + _offset[channel]);

    public bool IsIdentity => _scale.All(s => s == 1.0) && _offset.All(o => o == 0.0);

    static double[] Expand(IReadOnlyList<double> values, string name, double neutral, IReadOnlyList<string> channels, string step)
    {
        if (CountProblem(values, name, channels) is { } problem) throw new ArgumentException($"{step}: {problem}");
        if (values.Count == 0) return Enumerable.Repeat(neutral, channels.Count).ToArray();
        if (values.Count == 1) return Enumerable.Repeat(values[0], channels.Count).ToArray();
        return values.ToArray();
    }

    /// <summary>What is wrong with <paramref name="values"/> for these channels: none, one for all, or one per channel.</summary>
    public static string? CountProblem(IReadOnlyList<double> values, string name, IReadOnlyList<string> channels) =>
        values.Count <= 1 || values.Count == channels.Count ? null
            : $"parameter '{name}' has {values.Count} values for {channels.Count} band(s) ({string.Join(", ", channels)}); " +
              "give one value for all bands or one per band, in the order of the bands";
}
