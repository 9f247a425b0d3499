using System.Text.Json;
using System.Text.Json.Serialization;

namespace LstmFcn.Pipeline.Engine.Models;

public sealed record SavedPreprocessor(string Plugin, Dictionary<string, object?> Arguments, Dictionary<string, string> State);
