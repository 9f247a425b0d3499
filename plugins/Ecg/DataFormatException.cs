namespace LstmFcn.Plugins.Ecg;

/// <summary>A data file that cannot be read, with the file, the line when it is a text file, and what was expected.</summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(string path, int line, string message)
        : base(line > 0 ? $"{path}:{line}: {message}" : $"{path}: {message}") { }
}
