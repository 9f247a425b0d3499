namespace LstmFcn.Pipeline.Engine.Plugins;

/// <summary>A plugin found on disk: its instance, kind and the assembly file it came from.</summary>
public sealed record PluginEntry(IPlugin Plugin, PluginKind Kind, string AssemblyPath)
{
    public string Name => Plugin.Name;
}
