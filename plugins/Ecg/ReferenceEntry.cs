namespace LstmFcn.Plugins.Ecg;

/// <summary>One line of a reference file: a record and its label code.</summary>
public sealed record ReferenceEntry(string Record, string Code, int Line);
