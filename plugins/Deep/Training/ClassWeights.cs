namespace LstmFcn.Plugins.Deep.Training;

/// <summary>
/// "Balanced" class weights n / (k · n_c) (scikit-learn's compute_class_weight, as the LSTM-FCN scripts use): rare
/// classes weigh more. A class absent from training gets weight 0.
/// </summary>
public static class ClassWeights
{
    public static float[] Balanced(int[] classCounts)
    {
        long n = classCounts.Sum(c => (long)c);
        int k = classCounts.Length;
        var weights = new float[k];
        for (int c = 0; c < k; c++)
            weights[c] = classCounts[c] == 0 ? 0f : (float)(n / ((double)k * classCounts[c]));
        return weights;
    }

    public static float[] Uniform(int classes) => Enumerable.Repeat(1f, classes).ToArray();
}
