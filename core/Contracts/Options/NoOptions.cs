namespace LstmFcn.Pipeline;

/// <summary>A plugin with no parameters.</summary>
public sealed record NoOptions : PluginOptions;
