using System.Globalization;

namespace LstmFcn.Plugins.Preprocessing;

/// <summary>Stores learned numbers in a preprocessor's string state, losslessly ("R" round-trip format).</summary>
static class StateCodec
{
    public static string Encode(IEnumerable<double> values) =>
        string.Join(" ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    public static double[] Decode(IReadOnlyDictionary<string, string> state, string key) =>
        state.TryGetValue(key, out var text)
            ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray()
            : throw new InvalidDataException($"saved preprocessing state lacks '{key}'");
}
