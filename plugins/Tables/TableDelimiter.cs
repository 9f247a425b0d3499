namespace LstmFcn.Plugins.Tables;

/// <summary>The cell separator of a CSV table; auto takes the most frequent of comma, semicolon and tab in the header.</summary>
public enum TableDelimiter { Auto, Comma, Semicolon, Tab }
