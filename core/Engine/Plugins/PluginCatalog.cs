using System.Reflection;
using McMaster.NETCore.Plugins;

namespace LstmFcn.Pipeline.Engine.Plugins;

/// <summary>
/// Finds plugins in folders and loads each plugin assembly in its own load context through McMaster.NETCore.Plugins.
/// Built-in plugins are found the same way as third-party ones. The contracts (and anything else the host already
/// has, notably TorchSharp) are shared with the host, so types have one identity and libtorch is loaded once.
/// </summary>
/// <remarks>
/// A folder may hold plugins as sub-folders (<c>Family/Family.dll</c>, the layout <c>dotnet build -o</c> gives) or as
/// loose <c>Name.dll</c> files that have a <c>Name.deps.json</c> beside them. An assembly that cannot be loaded is an
/// error naming it; a plugin type that cannot be started (its constructor or its declaration throws) is skipped with
/// a warning (<see cref="Warnings"/>), so commands that do not use it still work.
/// </remarks>
public sealed class PluginCatalog
{
    readonly Dictionary<string, PluginEntry> _byName = new(StringComparer.Ordinal);
    readonly HashSet<string> _loadedAssemblies = new(StringComparer.Ordinal);
    readonly List<string> _folders = new();
    readonly List<string> _warnings = new();

    public IReadOnlyCollection<PluginEntry> Entries => _byName.Values;
    public IReadOnlyList<string> Folders => _folders;

    /// <summary>Plugins found but skipped, each naming the plugin type, its folder and why.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>
    /// Which folders named by a pipeline or a resumed run may be added (<see cref="PipelineResolver"/> asks it before
    /// adding a pipeline's <c>plugins:</c>). By default none: code is loaded from where the user said, only.
    /// </summary>
    public PluginFolderConsent Consent { get; set; } = PluginFolderConsent.None;

    /// <summary>
    /// The catalog a command of the CLI uses: the default folders and the user's extra folders, with the user's
    /// consent for folders that pipelines name (<paramref name="allowPipelineFolders"/> = <c>--allow-plugins</c>).
    /// </summary>
    public static PluginCatalog ForUser(IEnumerable<string> extraFolders, bool allowPipelineFolders)
    {
        var chosen = DefaultFolders().Concat(extraFolders).ToList();
        var catalog = FromFolders(chosen);
        catalog.Consent = PluginFolderConsent.ForUser(chosen, allowPipelineFolders);
        return catalog;
    }

    /// <summary>The folders searched by default: the app's own plugins, $LSTMFCN_PLUGINS, ~/.lstmfcn/plugins.</summary>
    public static IReadOnlyList<string> DefaultFolders()
    {
        var folders = new List<string> { Path.Combine(AppContext.BaseDirectory, "plugins") };
        var env = Environment.GetEnvironmentVariable("LSTMFCN_PLUGINS");
        if (!string.IsNullOrWhiteSpace(env))
            folders.AddRange(env.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home)) folders.Add(Path.Combine(home, ".lstmfcn", "plugins"));
        return folders;
    }

    public static PluginCatalog FromFolders(IEnumerable<string> folders)
    {
        var catalog = new PluginCatalog();
        foreach (var f in folders) catalog.AddFolder(f);
        return catalog;
    }

    /// <summary>Adds every plugin in a folder; a missing folder is ignored (user folders are optional).</summary>
    public void AddFolder(string folder)
    {
        folder = Path.GetFullPath(folder);
        if (_folders.Contains(folder)) return;
        _folders.Add(folder);
        if (!Directory.Exists(folder)) return;
        foreach (var assembly in PluginAssemblies(folder))
            AddAssembly(assembly);
    }

    static IEnumerable<string> PluginAssemblies(string folder)
    {
        foreach (var sub in Directory.GetDirectories(folder).OrderBy(d => d, StringComparer.Ordinal))
        {
            var main = Path.Combine(sub, Path.GetFileName(sub) + ".dll");
            if (File.Exists(main)) yield return main;
        }
        foreach (var dll in Directory.GetFiles(folder, "*.dll").OrderBy(d => d, StringComparer.Ordinal))
            if (File.Exists(Path.ChangeExtension(dll, ".deps.json")))
                yield return dll;
    }

    public void AddAssembly(string assemblyPath)
    {
        assemblyPath = Path.GetFullPath(assemblyPath);
        if (!_loadedAssemblies.Add(assemblyPath)) return;

        Assembly assembly;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath,
                sharedTypes: new[] { typeof(IPlugin) },
                config => config.PreferSharedTypes = true);
            assembly = loader.LoadDefaultAssembly();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not only a bad image: a garbage Name.deps.json fails inside the loader with JSON or format errors.
            throw new PluginLoadException($"{assemblyPath}: cannot load plugin assembly: {e.Message}", e);
        }

        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var first = e.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? e.Message;
            throw new PluginLoadException($"{assemblyPath}: plugin types cannot be loaded ({first}). " +
                "Was it built against another version of LstmFcn.Pipeline.Contracts?", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new PluginLoadException($"{assemblyPath}: plugin types cannot be loaded ({e.Message})", e);
        }

        foreach (var type in types)
        {
            if (type.IsAbstract || type.IsInterface || !typeof(IPlugin).IsAssignableFrom(type)) continue;
            if (type.GetConstructor(Type.EmptyTypes) is null)
                throw new PluginLoadException($"{assemblyPath}: plugin type {type.FullName} needs a public parameterless constructor");
            var kind = KindOf(type) ?? throw new PluginLoadException(
                $"{assemblyPath}: {type.FullName} implements IPlugin but none of ILoaderPlugin, IPreprocessorPlugin, IModelPlugin, IReporterPlugin");
            if (Start(type, assemblyPath) is not { } plugin) continue;
            if (_byName.TryGetValue(plugin.Name, out var existing))
                throw new PluginLoadException(
                    $"two plugins are named '{plugin.Name}': {existing.AssemblyPath} and {assemblyPath}; remove or rename one");
            _byName[plugin.Name] = new PluginEntry(plugin, kind, assemblyPath);
        }
    }

    /// <summary>
    /// An instance of a plugin type with its declaration read once (name, description, parameters), or null with a
    /// warning when any of that throws: every command lists or validates plugins through the declaration.
    /// </summary>
    IPlugin? Start(Type type, string assemblyPath)
    {
        try
        {
            var plugin = (IPlugin)Activator.CreateInstance(type)!;
            if (string.IsNullOrWhiteSpace(plugin.Name)) throw new InvalidOperationException("its Name is empty");
            _ = plugin.Description;
            _ = plugin.Parameters.Count;
            return plugin;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            _warnings.Add($"plugin {type.FullName} in {Path.GetDirectoryName(assemblyPath)} cannot be started and is skipped " +
                          $"({cause.GetType().Name}: {cause.Message}); pipelines that use it will not find it");
            return null;
        }
    }

    static PluginKind? KindOf(Type type) =>
        typeof(ILoaderPlugin).IsAssignableFrom(type) ? PluginKind.Loader :
        typeof(IPreprocessorPlugin).IsAssignableFrom(type) ? PluginKind.Preprocessor :
        typeof(IModelPlugin).IsAssignableFrom(type) ? PluginKind.Model :
        typeof(IReporterPlugin).IsAssignableFrom(type) ? PluginKind.Reporter :
        typeof(IMapPlugin).IsAssignableFrom(type) ? PluginKind.Map : null;

    public bool TryGet(string name, out PluginEntry entry) => _byName.TryGetValue(name, out entry!);

    public PluginEntry Get(string name) =>
        _byName.TryGetValue(name, out var entry) ? entry
            : throw new KeyNotFoundException($"no plugin named '{name}'; {Naming.NameSuggestions.Hint(name, _byName.Keys)}");

    public IEnumerable<PluginEntry> OfKind(PluginKind kind) => _byName.Values.Where(e => e.Kind == kind).OrderBy(e => e.Name, StringComparer.Ordinal);
}
