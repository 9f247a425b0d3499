using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Tables;

/// <summary>One sample as read from a table, its class still as text.</summary>
public sealed record RawSample(string Id, string Label, float[] Values, int Channels,
    IReadOnlyDictionary<string, string> Metadata, string Location);
