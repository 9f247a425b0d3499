namespace LstmFcn.Pipeline.Cli;

/// <summary>The parsed command line: a verb, positional arguments and options.</summary>
public sealed class CommandLine
{
    public string Verb { get; private init; } = "help";
    public List<string> Positional { get; } = new();
    public List<string> Overrides { get; } = new();
    public List<string> PluginFolders { get; } = new();
    /// <summary><c>--with KEY=VALUE</c>: a parameter of the step a command builds (e.g. predict's loader).</summary>
    public List<string> WithArguments { get; } = new();
    public bool Quiet { get; private set; }
    /// <summary><c>--allow-plugins</c>: load the plugin folders a pipeline or a resumed run names (their code runs).</summary>
    public bool AllowPlugins { get; private set; }
    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);

    /// <summary>Options that take a value (<c>--name value</c> or <c>--name=value</c>).</summary>
    static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal) { "--set", "--plugins", "--output", "--runs", "--epochs", "--repeats", "--datasets", "--models", "--threads", "--seed", "--resume", "--device", "--loader", "--with", "--format", "--uncertainty", "--roi", "--shard", "--shards", "--tasks", "--partition", "--time", "--image", "--volume-claim", "--mount", "--files", "--sits",
        "--source", "--collections", "--datetime", "--bbox", "--bands-map", "--limit", "--per-class", "--target-se", "--expected-ua", "--min-per-class",
        "--period", "--origin", "--method", "--mask-band", "--mask-classes", "--prefix" };

    public static CommandLine Parse(string[] args)
    {
        var cl = new CommandLine { Verb = args.Length == 0 ? "help" : args[0] };
        for (int i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (a is "-q" or "--quiet") { cl.Quiet = true; continue; }
            if (a == "--allow-plugins") { cl.AllowPlugins = true; continue; }
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                string name = a, value;
                int eq = a.IndexOf('=');
                if (eq > 0 && ValueOptions.Contains(a[..eq])) { name = a[..eq]; value = a[(eq + 1)..]; }
                else if (ValueOptions.Contains(a))
                {
                    if (i + 1 >= args.Length) throw new UsageException($"{a} needs a value");
                    value = args[++i];
                }
                else if (a is "--help" or "--rerun" or "--smooth" or "--submit" or "--members") { cl.Options[a] = "true"; continue; }
                else throw new UsageException($"unknown option '{a}'");

                if (name == "--set") cl.Overrides.Add(value);
                else if (name == "--plugins") cl.PluginFolders.Add(value);
                else if (name == "--with") cl.WithArguments.Add(value);
                else cl.Options[name] = value;
                continue;
            }
            cl.Positional.Add(a);
        }
        return cl;
    }
}
