using LstmFcn.Pipeline.Engine.Plugins;
using LstmFcn.Pipeline.Engine.Running;

namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>Plugins as the app finds them: loaded by <see cref="PluginCatalog"/> from artifacts/app/plugins.</summary>
public static class Plugins
{
    static readonly Lazy<PluginCatalog> Shared = new(NewBuiltInCatalog);

    /// <summary>
    /// One catalog of the built-in plugins shared by specs that only read it. Resolving a pipeline with a
    /// <c>plugins:</c> list adds folders to the catalog it is given: such specs take <see cref="NewBuiltInCatalog"/>.
    /// </summary>
    public static PluginCatalog BuiltIn => Shared.Value;

    public static PluginCatalog NewBuiltInCatalog()
    {
        if (!Directory.Exists(Repo.BuiltInPlugins))
            throw new InvalidOperationException($"{Repo.BuiltInPlugins} does not exist: build the test project (it builds the built-in plugins)");
        return PluginCatalog.FromFolders(new[] { Repo.BuiltInPlugins });
    }

    public static ILoaderPlugin Loader(string name) => (ILoaderPlugin)BuiltIn.Get(name).Plugin;
    public static IPreprocessorPlugin Preprocessor(string name) => (IPreprocessorPlugin)BuiltIn.Get(name).Plugin;
    public static IModelPlugin Model(string name) => (IModelPlugin)BuiltIn.Get(name).Plugin;
    public static IReporterPlugin Reporter(string name) => (IReporterPlugin)BuiltIn.Get(name).Plugin;

    /// <summary>
    /// Arguments as a pipeline would bind them: the given values over the plugin's declared defaults
    /// (integers as <see cref="long"/>, paths absolute). Like the resolver, it refuses arguments the plugin's own
    /// rules between parameters (<see cref="IChecksArguments"/>) reject: an ArgumentException "step: problem".
    /// </summary>
    public static PluginArguments Arguments(IPlugin plugin, params (string Name, object? Value)[] values)
    {
        var bound = plugin.Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (!bound.ContainsKey(name)) throw new ArgumentException($"{plugin.Name} declares no parameter '{name}'");
            bound[name] = value is int i ? (long)i : value;
        }
        var arguments = new PluginArguments($"test ({plugin.Name})", bound);
        if (plugin is IChecksArguments checks && checks.Check(arguments).FirstOrDefault() is { } problem)
            throw new ArgumentException($"{arguments.StepName}: {problem.Message}");
        return arguments;
    }

    /// <summary>A run context for calling plugins directly: quiet log, no progress, artifacts into <paramref name="folder"/>.</summary>
    public static RunContext Context(string folder, int seed = 42, int threads = 0) =>
        new(seed, ComputeDevice.Cpu, folder, new RunLog(null, SilentConsole.Instance), NoProgress.Instance, RunDirectory.Open(folder))
        {
            Threads = threads
        };
}
