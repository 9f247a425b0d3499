namespace LstmFcn.Plugins.Forest;

/// <summary>One feature's importance under its name (channel/time).</summary>
public sealed record NamedImportance(string Feature, double Importance);
