namespace LstmFcn.Plugins.Ucr;

/// <summary>A series as read from a file, with its class name still as text.</summary>
public sealed record RawSeries(string Label, float[] Values, int Channels, int Line);
