namespace LstmFcn.Plugins.Ucr;

/// <summary>A data file that cannot be read, with the file, line and (when known) the column that is wrong.</summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(string path, int line, string message, int column = 0)
        : base(line > 0 ? $"{path}:{line}{(column > 0 ? $":{column}" : "")}: {message}" : $"{path}: {message}") { }
}
