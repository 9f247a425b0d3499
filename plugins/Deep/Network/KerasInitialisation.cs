using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Deep.Network;

/// <summary>Keras' default initialisers, which the reference implementations trained with (PyTorch's differ).</summary>
public static class KerasInitialisation
{
    /// <summary>Glorot-uniform input weights, orthogonal recurrent weights, zero biases but the forget gate's at 1.</summary>
    public static void Lstm(LSTM lstm, int units)
    {
        using var _ = no_grad();
        foreach (var (name, p) in lstm.named_parameters())
        {
            if (name.StartsWith("weight_ih")) init.xavier_uniform_(p);
            else if (name.StartsWith("weight_hh")) init.orthogonal_(p);
            else if (name.StartsWith("bias_ih")) { init.zeros_(p); p.narrow(0, units, units).fill_(1.0); }
            else if (name.StartsWith("bias_hh")) init.zeros_(p);
        }
    }

    /// <summary>Glorot-uniform weights (He-uniform before a ReLU), zero bias.</summary>
    public static void Dense(Linear dense, bool relu)
    {
        using var _ = no_grad();
        if (relu) init.kaiming_uniform_(dense.weight, nonlinearity: init.NonlinearityType.ReLU);
        else init.xavier_uniform_(dense.weight);
        init.zeros_(dense.bias);
    }
}
