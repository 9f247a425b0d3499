namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>SC/SCT attention: the paper's learning rate 8e-3 and weight decay 2e-4.</summary>
public abstract class AttentionSpectraPlugin : SpectraModelPlugin<AttentionSpectraOptions>;
