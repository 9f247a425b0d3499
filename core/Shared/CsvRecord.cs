namespace LstmFcn.Pipeline.Files;

/// <summary>(Source compiled into the engine, the CLI and every built-in plugin.) One row of a delimited text file and the 1-based line it starts on.</summary>
sealed record CsvRecord(int Line, string[] Cells);
