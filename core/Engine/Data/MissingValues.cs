namespace LstmFcn.Pipeline.Engine.Data;

/// <summary>Applies a <see cref="MissingValuePolicy"/> to loaded data, before any preprocessing sees it.</summary>
public static class MissingValues
{
    public const string Remedy = "set 'missing: interpolate' or 'missing: zero' in the pipeline to fill missing values, or fix the data";

    public static TimeSeriesDataset Apply(TimeSeriesDataset data, MissingValuePolicy policy, string what)
    {
        if (FiniteValues.FirstNonFinite(data) is null) return data;
        if (policy == MissingValuePolicy.Error) FiniteValues.Require(data, what, Remedy);
        var samples = new TimeSeriesSample[data.Count];
        for (int i = 0; i < samples.Length; i++)
        {
            var s = data.Samples[i];
            if (!HasNonFinite(s.Values)) { samples[i] = s; continue; }
            var values = (float[])s.Values.Clone();
            for (int c = 0; c < s.Channels; c++)
            {
                var channel = values.AsSpan(c * s.Length, s.Length);
                if (policy == MissingValuePolicy.Zero) Zero(channel);
                else if (!Interpolate(channel))
                    throw new InvalidDataException($"{what}: series '{s.Id}'{(s.Channels > 1 ? $" channel {c}" : "")} has no finite value to interpolate from");
            }
            samples[i] = s.WithValues(values, s.Channels);
        }
        return data.WithSamples(samples);
    }

    static bool HasNonFinite(float[] values)
    {
        foreach (var v in values) if (!float.IsFinite(v)) return true;
        return false;
    }

    static void Zero(Span<float> values)
    {
        for (int t = 0; t < values.Length; t++) if (!float.IsFinite(values[t])) values[t] = 0;
    }

    /// <summary>Linear between the finite neighbours; the nearest finite value before the first and after the last.</summary>
    static bool Interpolate(Span<float> values)
    {
        int previous = -1;
        for (int t = 0; t < values.Length; t++)
        {
            if (!float.IsFinite(values[t])) continue;
            if (previous < 0) values[..t].Fill(values[t]);
            else
                for (int g = previous + 1; g < t; g++)
                    values[g] = values[previous] + (values[t] - values[previous]) * (g - previous) / (t - previous);
            previous = t;
        }
        if (previous < 0) return false;
        values[(previous + 1)..].Fill(values[previous]);
        return true;
    }
}
