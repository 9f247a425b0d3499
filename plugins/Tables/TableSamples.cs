using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Tables;

/// <summary>What a layout reads from a table: the samples, the channel (band) names and, when shared, the time keys.</summary>
public sealed record TableSamples(IReadOnlyList<RawSample> Samples, IReadOnlyList<string> Channels, IReadOnlyList<string>? Times);
