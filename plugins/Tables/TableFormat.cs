namespace LstmFcn.Plugins.Tables;

/// <summary>The file format of a table; auto decides by extension (.parquet, otherwise delimited text).</summary>
public enum TableFormat { Auto, Csv, Parquet }
