using static TorchSharp.torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>Sinusoidal positional encoding (Vaswani et al.) of arbitrary, possibly non-contiguous, positions.</summary>
static class PositionalEncoding
{
    public static Tensor Of(Tensor positions, int dimension)
    {
        using var scope = NewDisposeScope();
        var pos = positions.to_type(ScalarType.Float32).unsqueeze(1);                                  // (L, 1)
        var i = arange(0, dimension, 2, dtype: ScalarType.Float32, device: positions.device);          // (D/2)
        var frequencies = exp(i * (-Math.Log(10000.0) / dimension)).unsqueeze(0);                       // (1, D/2)
        var angles = pos * frequencies;                                                                 // (L, D/2)
        // Interleave: even columns sin, odd columns cos.
        return stack(new[] { sin(angles), cos(angles) }, 2).reshape(positions.shape[0], dimension).MoveToOuterDisposeScope();
    }
}
