using LstmFcn.Pipeline.Engine.Plugins;

using LstmFcn.Pipeline.Engine.Naming;

namespace LstmFcn.Pipeline.Engine.Pipelines;

public sealed record ResolvedStep<TPlugin>(StepDefinition Definition, TPlugin Plugin, PluginArguments Arguments)
    where TPlugin : IPlugin;
