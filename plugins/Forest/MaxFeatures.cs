using System.Globalization;

namespace LstmFcn.Plugins.Forest;

/// <summary>
/// Features tried at each split, as scikit-learn reads <c>max_features</c>: <c>sqrt</c> (⌊√F⌋), <c>log2</c> (⌊log₂F⌋),
/// <c>all</c>, a fraction in (0, 1] (⌊fraction·F⌋) or a whole number; never fewer than one.
/// </summary>
public sealed record MaxFeatures(string Text)
{
    public static MaxFeatures Parse(string text, string step) =>
        TryParse(text) ?? throw new ArgumentException($"{step}: {Problem(text)}");

    /// <summary>The setting <paramref name="text"/> stands for; null when it is none of the accepted forms.</summary>
    public static MaxFeatures? TryParse(string text)
    {
        var t = text.Trim();
        if (t is "sqrt" or "log2" or "all") return new MaxFeatures(t);
        if (int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 1)
            return new MaxFeatures(t);
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction > 0 && fraction <= 1 &&
            t.Contains('.'))
            return new MaxFeatures(t);
        return null;
    }

    /// <summary>What is wrong with a text <see cref="TryParse"/> refuses.</summary>
    public static string Problem(string text) =>
        "parameter 'max_features' must be sqrt, log2, all, a fraction of the features in (0, 1] written with a " +
        $"decimal point (e.g. 0.3), or a whole number of features (e.g. 12); found '{text}'";

    /// <summary>The number of features to try for <paramref name="features"/> features in all.</summary>
    public int Resolve(int features, string step)
    {
        int n = Text switch
        {
            "sqrt" => (int)Math.Sqrt(features),
            "log2" => (int)Math.Log2(features),
            "all" => features,
            _ when Text.Contains('.') => (int)(double.Parse(Text, CultureInfo.InvariantCulture) * features),
            _ => int.Parse(Text, CultureInfo.InvariantCulture),
        };
        if (n > features)
            throw new ArgumentException($"{step}: max_features {Text} is more than the {features} features of the data");
        return Math.Max(1, n);
    }
}
