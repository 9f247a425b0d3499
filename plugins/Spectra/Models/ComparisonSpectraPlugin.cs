namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>The paper's comparison models: learning rate 2e-3, weight decay 2e-5.</summary>
public abstract class ComparisonSpectraPlugin : SpectraModelPlugin<ComparisonSpectraOptions>;
