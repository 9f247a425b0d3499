namespace LstmFcn.Plugins.Tables;

/// <summary>wide: one row per sample; long: one row per (sample, time); auto: long when the table has a time column.</summary>
public enum TableLayout { Auto, Wide, Long }
