namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>
/// What a saved model's manifest says about its model: the plugin that loads it and the arguments it was trained
/// with, or — for an ensemble — the manifest name <see cref="EnsembleModel.ManifestName"/>, its weights and the
/// relative folders of its members.
/// </summary>
public sealed record ModelIdentity(string Plugin, IReadOnlyDictionary<string, object?> Arguments, IReadOnlyList<string>? Members = null);
