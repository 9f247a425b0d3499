namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>The loader step a saved model was trained with, as its manifest records it.</summary>
public sealed record SavedLoader(string Plugin, Dictionary<string, object?> Arguments);
