namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>The loader (plugin and arguments) a pipeline was trained with: how <c>predict</c> reads new data by default.</summary>
public sealed record LoaderIdentity(string Plugin, IReadOnlyDictionary<string, object?> Arguments);
