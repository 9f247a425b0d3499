namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>
/// Where things are: the repository (found by walking up from the test binaries to LstmFcn.Pipeline.sln), the built
/// app and its plugins, and the shared real datasets (<c>../shared/datasets</c> beside the repository).
/// </summary>
public static class Repo
{
    static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LstmFcn.Pipeline.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"no LstmFcn.Pipeline.sln above {AppContext.BaseDirectory}");
    });

    public static string Root => RootPath.Value;

    public static string App => Path.Combine(Root, "artifacts", "app");
    public static string AppDll => Path.Combine(App, "lstmfcn.dll");
    public static string BuiltInPlugins => Path.Combine(App, "plugins");
    public static string Pipelines => Path.Combine(Root, "pipelines");

    /// <summary>The sample third-party plugin, built by this project's build into the test output (see the csproj).</summary>
    public static string UserPlugins => Path.Combine(AppContext.BaseDirectory, "user-plugins");
    public const string SamplePluginAssembly = "LstmFcn.Samples.MovingAverage";
    public static string SamplePluginFolder => Path.Combine(UserPlugins, SamplePluginAssembly);

    public static string Datasets => Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets"));

    /// <summary>A UCR/UEA file, e.g. <c>Dataset("ucr", "GunPoint", "TRAIN", "tsv")</c>; fails clearly when it is missing.</summary>
    public static string Dataset(string archive, string name, string split, string extension)
    {
        var path = Path.Combine(Datasets, archive, name, $"{name}_{split}.{extension}");
        if (!File.Exists(path))
            throw new FileNotFoundException($"real dataset file missing: {path} (the shared datasets are expected beside the repository)", path);
        return path;
    }
}
