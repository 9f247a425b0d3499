namespace LstmFcn.Pipeline.Engine.Data;

/// <summary>Finds the first value that is not a finite number (NaN, ±∞), to name it in an error.</summary>
public static class FiniteValues
{
    /// <summary>The first non-finite value of the dataset as (series, channel, position), or null when all are finite.</summary>
    public static (TimeSeriesSample Sample, int Channel, int Position)? FirstNonFinite(TimeSeriesDataset data)
    {
        foreach (var s in data.Samples)
        {
            var values = s.Values;
            for (int i = 0; i < values.Length; i++)
                if (!float.IsFinite(values[i])) return (s, i / s.Length, i % s.Length);
        }
        return null;
    }

    /// <summary>Throws, naming the series, channel and position, when <paramref name="data"/> holds a non-finite value.</summary>
    public static void Require(TimeSeriesDataset data, string what, string remedy)
    {
        if (FirstNonFinite(data) is not { } bad) return;
        var value = bad.Sample.Values[bad.Channel * bad.Sample.Length + bad.Position];
        throw new InvalidDataException(
            $"{what}: series '{bad.Sample.Id}' has {value} at position {bad.Position}" +
            (bad.Sample.Channels > 1 ? $" of channel {bad.Channel}" : "") + $"; {remedy}");
    }
}
