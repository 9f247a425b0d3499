using System.Globalization;
using System.Reflection;
using System.Text;

namespace LstmFcn.Pipeline;

/// <summary>How option and choice names are spelled in pipelines.</summary>
public static class OptionNames
{
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c) && i > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
