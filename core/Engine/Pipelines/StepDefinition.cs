using YamlDotNet.RepresentationModel;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>One <c>plugin:</c> + <c>with:</c> step as written, before its plugin is looked up.</summary>
public sealed record StepDefinition(
    string Section,
    string Plugin,
    YamlMappingNode With,
    SourceLocation Location,
    SourceLocation PluginLocation);
