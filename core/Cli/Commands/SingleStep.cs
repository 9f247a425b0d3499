using System.Text.Json;
using LstmFcn.Pipeline.Engine.Pipelines;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// One plugin step run outside a pipeline run (<c>cube describe</c>, <c>sample-design</c>): written as a small
/// pipeline document so its values are read, typed and checked as a pipeline's are, each value set from an option
/// naming that option in any error (<c>--limit x</c>: parameter 'stac_limit' …).
/// </summary>
sealed class SingleStep
{
    readonly PipelineDocument _document;
    readonly string _path;

    /// <param name="command">The command, as errors name the document (e.g. "lstmfcn sample-design").</param>
    /// <param name="section">"loader" or "map": where the step sits in the document.</param>
    public SingleStep(string command, string section, string plugin)
    {
        _path = section == "map" ? "map.0" : section;
        var text = section == "map"
            ? $"name: {Name(command)}\nmodel: 1nn\nmap:\n  - {{plugin: {plugin}, with: {{}}}}\n"
            : $"name: {Name(command)}\n{section}: {{plugin: {plugin}, with: {{}}}}\nmodel: 1nn\n";
        _document = PipelineDocument.Parse(Path.Combine(Environment.CurrentDirectory, $"({command})"), new StringReader(text));
    }

    static string Name(string command) => command.Replace("lstmfcn ", "").Replace(' ', '-');

    /// <summary>A value as the user typed it (read as YAML: numbers stay numbers), from <paramref name="origin"/>.</summary>
    public void Set(string parameter, string value, string origin) => _document.ApplyOverride($"{_path}.with.{parameter}={value}", origin);

    /// <summary>A value that is text whatever it looks like (a path, a date range).</summary>
    public void SetText(string parameter, string value, string origin) => Set(parameter, JsonSerializer.Serialize(value), origin);

    /// <summary>A comma-separated option as a list of text values.</summary>
    public void SetList(string parameter, string commaSeparated, string origin) =>
        Set(parameter, JsonSerializer.Serialize(commaSeparated.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)), origin);

    /// <summary><c>--with KEY=VALUE</c>: any parameter of the step.</summary>
    public void With(IEnumerable<string> assignments)
    {
        foreach (var assignment in assignments) _document.ApplyOverride($"{_path}.with.{assignment}", $"--with {assignment}");
    }

    /// <summary>Binds and checks the step against <paramref name="plugin"/>'s parameters; every problem at once (exit 2).</summary>
    public PluginArguments Bind(IPlugin plugin)
    {
        var definition = PipelineReader.Read(_document);
        var step = _path == "map.0" ? definition.Map[0] : definition.Loader!;
        return PipelineResolver.BindStep(_document, step, plugin);
    }
}
