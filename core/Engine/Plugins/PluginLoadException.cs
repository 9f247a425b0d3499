namespace LstmFcn.Pipeline.Engine.Plugins;

/// <summary>A plugin folder or assembly that cannot be loaded or offers a plugin twice: the message says which and why.</summary>
public sealed class PluginLoadException : Exception
{
    public PluginLoadException(string message, Exception? inner = null) : base(message, inner) { }
}
