using System.Globalization;

namespace LstmFcn.Plugins.Ucr;

static class NumberCell
{
    /// <summary>Parses one value: plain or exponent notation; NaN/"?" mean missing.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out float value)
    {
        text = text.Trim();
        if (text.Length == 0) { value = 0; return false; }
        if (text is "?" || text.Equals("nan", StringComparison.OrdinalIgnoreCase)) { value = float.NaN; return true; }
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
