namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>
/// Checks a <c>map:</c> stage before anything runs: every verb reads only products that an earlier verb writes (or the
/// model, when the run keeps one), so a misplaced or missing step is named with its position instead of failing
/// hours later.
/// </summary>
public static class MapStageOrder
{
    public static void Check(PipelineDefinition def, IReadOnlyList<ResolvedStep<IMapPlugin>> steps, List<PipelineError> errors)
    {
        if (steps.Count == 0) return;
        var available = new HashSet<string>(StringComparer.Ordinal);
        bool keepsModel = def.ModelFrom is not null || def.Evaluation is null or { FinalFit: true };
        if (keepsModel) available.Add(MapProducts.Model);
        else
            errors.Add(new(steps[0].Definition.Location,
                "map: the stage needs the run's model, but cross-validation with final_fit: false keeps none; set evaluate.final_fit: true"));
        foreach (var step in steps)
        {
            foreach (var product in step.Plugin.Reads(step.Arguments))
                if (!available.Contains(product) && product != MapProducts.Model)
                {
                    var later = steps.SkipWhile(s => s != step).Skip(1).FirstOrDefault(s => s.Plugin.Writes(s.Arguments).Contains(product));
                    errors.Add(new(step.Definition.Location,
                        $"{step.Definition.Section} ({step.Plugin.Name}): reads the {product} map, which no earlier step writes" +
                        (later is not null ? $"; {later.Definition.Section} ({later.Plugin.Name}) writes it: put it first (sits' order: classify, smooth, label, uncertainty)"
                                           : "; add the step that writes it before this one")));
                }
            foreach (var product in step.Plugin.Writes(step.Arguments)) available.Add(product);
        }
    }
}
