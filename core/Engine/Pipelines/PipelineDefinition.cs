using YamlDotNet.RepresentationModel;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>One <c>plugin:</c> + <c>with:</c> step as written, before its plugin is looked up.</summary>
public sealed record StepDefinition(
    string Section,
    string Plugin,
    YamlMappingNode With,
    SourceLocation Location,
    SourceLocation PluginLocation);

/// <summary>A pipeline file read into plain values (no plugin resolved yet).</summary>
public sealed record PipelineDefinition(
    PipelineDocument Document,
    string Name,
    int Seed,
    ComputeDevice Device,
    int Threads,
    IReadOnlyList<string> PluginFolders,
    StepDefinition Loader,
    IReadOnlyList<StepDefinition> Preprocess,
    StepDefinition? Model,
    string? ModelFrom,
    IReadOnlyList<StepDefinition> Report,
    string Output);
