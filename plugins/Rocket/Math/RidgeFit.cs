namespace LstmFcn.Rocket;

/// <summary>
/// What ridge-CV chose: the model on raw features (its probabilities calibrated by <see cref="Temperature"/>), its
/// alpha, and every alpha's leave-one-out squared error.
/// </summary>
public sealed record RidgeFit(LinearModel Model, double Alpha, double[] Alphas, double[] LeaveOneOutErrors, bool Dual)
{
    public double Temperature => Model.Temperature;
}
