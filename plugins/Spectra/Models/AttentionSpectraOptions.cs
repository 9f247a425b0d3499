namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>The SC/SCT attention networks' settings: the paper's learning rate 8e-3 and weight decay 2e-4.</summary>
public sealed record AttentionSpectraOptions : SpectraOptions
{
    public AttentionSpectraOptions()
    {
        LearningRate = 8e-3;
        WeightDecay = 2e-4;
    }
}
