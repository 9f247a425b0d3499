namespace LstmFcn.Plugins.Deep.Network;

/// <summary>How the recurrent branch sees a (channels × length) series.</summary>
public enum LstmView
{
    /// <summary>The paper's dimension shuffle: one time step whose features are all channels × time points.</summary>
    Shuffle,
    /// <summary>The LSTM walks the time steps, each step seeing the channels.</summary>
    Temporal
}
