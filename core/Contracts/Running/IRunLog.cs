namespace LstmFcn.Pipeline;

public interface IRunLog
{
    void Info(string message);
    void Warn(string message);
    void Debug(string message);
    /// <summary>A table for people: printed on the console (unless quiet) and written to the log.</summary>
    void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows);
}
