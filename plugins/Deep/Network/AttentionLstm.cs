using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LstmFcn.Plugins.Deep.Network;

/// <summary>
/// The attention LSTM of ALSTM-FCN: at every step, additive (Bahdanau) attention over the whole input sequence X,
///   e = tanh(h·Uₐ + X·Wₐ + bₐ)·vₐ,  α = softmax(e),  z = Σₛ αₛ·xₛ,
/// and the context z enters every gate through its own weights A:
///   gates = xₜ·W + h·U + z·A + b   (order i, f, g, o).
/// vₐ starts at zero, so attention starts uniform. Keras-like init: Glorot input weights, orthogonal recurrent
/// weights, forget-gate bias 1.
/// </summary>
public sealed class AttentionLstm : Module<Tensor, Tensor>
{
    readonly Parameter kernel;            // W  (F, 4U)
    readonly Parameter recurrent_kernel;  // U  (U, 4U)
    readonly Parameter context_kernel;    // A  (F, 4U)
    readonly Parameter bias;              // b  (4U)
    readonly Parameter attention_kernel;  // Wₐ (F, U)
    readonly Parameter attention_bias;    // bₐ (U)
    readonly Parameter attention_recurrent; // Uₐ (U, U)
    readonly Parameter attention_vector;  // vₐ (U)
    readonly int _units;

    public AttentionLstm(string name, int inputSize, int units) : base(name)
    {
        _units = units;
        kernel = Parameter(empty(inputSize, 4 * units));
        recurrent_kernel = Parameter(empty(units, 4 * units));
        context_kernel = Parameter(empty(inputSize, 4 * units));
        bias = Parameter(zeros(4 * units));
        attention_kernel = Parameter(empty(inputSize, units));
        attention_bias = Parameter(zeros(units));
        attention_recurrent = Parameter(empty(units, units));
        attention_vector = Parameter(zeros(units));
        RegisterComponents();
        using (no_grad())
        {
            init.xavier_uniform_(kernel);
            init.orthogonal_(recurrent_kernel);
            init.xavier_uniform_(context_kernel);
            init.xavier_uniform_(attention_kernel);
            init.orthogonal_(attention_recurrent);
            bias.narrow(0, units, units).fill_(1.0);
        }
    }

    public override Tensor forward(Tensor x) => Run(x, captureAttention: false).Hidden;

    /// <summary>
    /// Runs the sequence x (B, S, F). Returns the last hidden state (B, U) and, when asked, the attention weights of
    /// the last step (B, S) and the per-feature context contribution z ⊙ ‖A‖ of the last step (B, F).
    /// </summary>
    public (Tensor Hidden, Tensor? Alpha, Tensor? Context) Run(Tensor x, bool captureAttention)
    {
        using var scope = NewDisposeScope();
        long batch = x.shape[0], steps = x.shape[1];
        var projected = matmul(x, attention_kernel) + attention_bias;   // (B, S, U), the same for every step
        var inputGates = matmul(x, kernel) + bias;                       // (B, S, 4U)
        var h = zeros(batch, _units, dtype: x.dtype, device: x.device);
        var c = zeros(batch, _units, dtype: x.dtype, device: x.device);
        Tensor alpha = null!, z = null!;
        for (long t = 0; t < steps; t++)
        {
            if (steps == 1)
            {
                // One step (the dimension shuffle): softmax over one position is 1, so z = x exactly.
                alpha = ones(batch, 1, dtype: x.dtype, device: x.device);
                z = x.select(1, 0);
            }
            else
            {
                var energy = matmul(tanh(projected + matmul(h, attention_recurrent).unsqueeze(1)), attention_vector); // (B, S)
                alpha = functional.softmax(energy, 1);
                z = (alpha.unsqueeze(2) * x).sum(1);
            }
            var gates = inputGates.select(1, t) + matmul(h, recurrent_kernel) + matmul(z, context_kernel);
            var chunks = gates.chunk(4, 1);
            var i = functional.sigmoid(chunks[0]);
            var f = functional.sigmoid(chunks[1]);
            var g = tanh(chunks[2]);
            var o = functional.sigmoid(chunks[3]);
            c = f * c + i * g;
            h = o * tanh(c);
        }
        h.MoveToOuterDisposeScope();
        if (!captureAttention) return (h, null, null);
        var contribution = z * context_kernel.norm(1, keepdim: false).unsqueeze(0);
        return (h, alpha.MoveToOuterDisposeScope(), contribution.MoveToOuterDisposeScope());
    }
}
