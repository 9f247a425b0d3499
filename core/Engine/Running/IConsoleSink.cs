using System.Text;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>Where log lines and tables are shown to a person (the CLI's console; nothing when quiet).</summary>
public interface IConsoleSink
{
    void Line(string level, string message);
    void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows);
}
