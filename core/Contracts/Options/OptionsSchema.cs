using System.Globalization;
using System.Reflection;
using System.Text;

namespace LstmFcn.Pipeline;

/// <summary>
/// What an options record declares, read once by reflection: one <see cref="ParameterSpec"/> per
/// <see cref="ParameterAttribute"/> property (name, type, default from a new record, range, choices), and the binding
/// of checked <see cref="PluginArguments"/> back to a record. Property types: <c>int</c>, <c>long</c>, <c>double</c>,
/// <c>bool</c>, <c>string</c> (a path with <see cref="ParameterAttribute.Path"/>), an enum (a choice), their
/// nullable forms (optional: null = unset), and <c>IReadOnlyList</c> of <c>int</c>, <c>long</c>, <c>double</c> or
/// <c>string</c>. Every number must declare its range: an unbounded count is how absurd values slip through.
/// </summary>
public static class OptionsSchema<T> where T : PluginOptions, new()
{
    static readonly Lazy<Declared[]> Properties = new(Read);

    sealed record Declared(PropertyInfo Property, ParameterSpec Spec, Func<object?, object?> ToOption, Func<object?, object?> ToArgument);

    /// <summary>The parameters, in declaration order.</summary>
    public static IReadOnlyList<ParameterSpec> Parameters => Properties.Value.Select(p => p.Spec).ToArray();

    /// <summary>
    /// A record holding <paramref name="arguments"/> (bound and checked by the engine against <see cref="Parameters"/>),
    /// refused when its <see cref="PluginOptions.Validate"/> finds a problem — a safety net for code that calls a
    /// plugin directly; pipelines have had those problems reported with their positions already.
    /// </summary>
    public static T Bind(PluginArguments arguments)
    {
        var options = BindValues(arguments);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join("; ", problems.Select(p => $"{arguments.StepName}: {p.Message}")));
        return options;
    }

    static T BindValues(PluginArguments arguments)
    {
        var options = new T() { Step = arguments.StepName };
        foreach (var declared in Properties.Value)
        {
            if (!arguments.Values.TryGetValue(declared.Spec.Name, out var value))
                value = declared.Spec.Default;
            object? converted;
            try
            {
                converted = declared.ToOption(value);
            }
            catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException or ArgumentException)
            {
                throw new ArgumentException($"{arguments.StepName}: parameter '{declared.Spec.Name}' cannot be {declared.Spec.TypeName}: {Describe(value)}", e);
            }
            if (converted is null && declared.Spec.Required)
                throw new ArgumentException($"{arguments.StepName}: parameter '{declared.Spec.Name}' has no value");
            declared.Property.SetValue(options, converted);
        }
        return options;
    }

    /// <summary>The arguments a record stands for (every parameter given), e.g. to run a step from code.</summary>
    public static PluginArguments Arguments(T options, string stepName)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var declared in Properties.Value)
            values[declared.Spec.Name] = declared.ToArgument(declared.Property.GetValue(options));
        return new PluginArguments(stepName, values);
    }

    /// <summary>Binds and runs the record's <see cref="PluginOptions.Validate"/>: every problem, none thrown.</summary>
    public static IReadOnlyList<OptionProblem> Check(PluginArguments arguments)
    {
        T options;
        try
        {
            options = BindValues(arguments);
        }
        catch (ArgumentException e)
        {
            return [new OptionProblem(null, e.Message)];
        }
        return options.Validate().ToList();
    }

    static Declared[] Read()
    {
        var defaults = new T();
        var result = new List<Declared>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<ParameterAttribute>() is not { } attribute) continue;
            if (property.SetMethod is null)
                throw new InvalidOperationException($"{typeof(T).Name}.{property.Name}: a parameter needs an init accessor");
            var name = attribute.Name ?? SnakeCase(property.Name);
            result.Add(Declare(property, attribute, name, property.GetValue(defaults)));
        }
        var duplicate = result.GroupBy(d => d.Spec.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"{typeof(T).Name}: two parameters are named '{duplicate.Key}'");
        return result.ToArray();
    }

    static Declared Declare(PropertyInfo property, ParameterAttribute attribute, string name, object? initial)
    {
        var where = $"{typeof(T).Name}.{property.Name}";
        var type = property.PropertyType;
        var nullable = Nullable.GetUnderlyingType(type);
        bool optional = nullable is not null || (!type.IsValueType && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable);
        var core = nullable ?? type;
        double? min = double.IsNaN(attribute.Min) ? null : attribute.Min, max = double.IsNaN(attribute.Max) ? null : attribute.Max;

        ParameterType kind;
        Func<object?, object?> toOption, toArgument;
        IReadOnlyList<string>? choices = null;
        if (core == typeof(int) || core == typeof(long))
        {
            kind = ParameterType.Integer;
            RequireRange(where, min, max);
            if (core == typeof(int) && (min < int.MinValue || max > int.MaxValue))
                throw new InvalidOperationException($"{where}: the range of an int parameter must fit in an int");
            toOption = core == typeof(int) ? v => v is null ? null : checked((int)Convert.ToInt64(v, CultureInfo.InvariantCulture))
                                           : v => v is null ? null : Convert.ToInt64(v, CultureInfo.InvariantCulture);
            toArgument = v => v is null ? null : Convert.ToInt64(v, CultureInfo.InvariantCulture);
        }
        else if (core == typeof(double))
        {
            kind = ParameterType.Number;
            RequireRange(where, min, max);
            toOption = v => v is null ? null : Convert.ToDouble(v, CultureInfo.InvariantCulture);
            toArgument = toOption;
        }
        else if (core == typeof(bool))
        {
            kind = ParameterType.Boolean;
            toOption = v => v is null ? null : (bool)v;
            toArgument = toOption;
        }
        else if (core == typeof(string))
        {
            kind = attribute.Path is PathKind.None or PathKind.RunOutput ? ParameterType.String : ParameterType.Path;
            toOption = v => v is null ? null : (string)v;
            toArgument = toOption;
        }
        else if (core.IsEnum)
        {
            kind = ParameterType.String;
            var members = core.GetFields(BindingFlags.Public | BindingFlags.Static);
            var byName = members.ToDictionary(f => f.GetCustomAttribute<ChoiceAttribute>()?.Name ?? SnakeCase(f.Name), f => f.GetValue(null)!, StringComparer.Ordinal);
            var byValue = byName.ToDictionary(kv => kv.Value, kv => kv.Key);
            choices = byName.Keys.ToArray();
            toOption = v => v is null ? null : byName.TryGetValue((string)v, out var e) ? e
                : throw new ArgumentException($"'{v}' is not one of {string.Join(", ", byName.Keys)}");
            toArgument = v => v is null ? null : byValue[v];
        }
        else if (ListOf(core) is { } item)
        {
            kind = item == typeof(string) ? ParameterType.StringList : item == typeof(double) ? ParameterType.NumberList : ParameterType.IntegerList;
            if (item != typeof(string)) RequireRange(where, min, max);
            toOption = v => v switch
            {
                null => null,
                System.Collections.IEnumerable items when item == typeof(int) => items.Cast<object>().Select(x => checked((int)Convert.ToInt64(x, CultureInfo.InvariantCulture))).ToArray(),
                System.Collections.IEnumerable items when item == typeof(long) => items.Cast<object>().Select(x => Convert.ToInt64(x, CultureInfo.InvariantCulture)).ToArray(),
                System.Collections.IEnumerable items when item == typeof(double) => items.Cast<object>().Select(x => Convert.ToDouble(x, CultureInfo.InvariantCulture)).ToArray(),
                System.Collections.IEnumerable items => (object)items.Cast<object>().Select(x => (string)x).ToArray(),
                _ => throw new InvalidCastException($"expected a list, found {v.GetType().Name}"),
            };
            toArgument = v => v switch
            {
                null => null,
                IEnumerable<string> s => s.ToList(),
                IEnumerable<double> d => d.ToList(),
                System.Collections.IEnumerable n => (object)n.Cast<object>().Select(x => Convert.ToInt64(x, CultureInfo.InvariantCulture)).ToList(),
                _ => throw new InvalidCastException(),
            };
        }
        else throw new InvalidOperationException($"{where}: parameters of type {type.Name} are not supported");

        bool required = attribute.Required;
        var spec = new ParameterSpec(name, kind, attribute.Description)
        {
            Default = required ? null : toArgument(initial),
            Required = required,
            Minimum = min,
            Maximum = max,
            AllowedValues = choices,
            PathKind = attribute.Path,
        };
        if (!required && !optional && spec.Default is null)
            throw new InvalidOperationException($"{where}: a parameter that is neither required nor nullable needs a default");
        return new Declared(property, spec, toOption, toArgument);
    }

    static Type? ListOf(Type type)
    {
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IReadOnlyList<>)) return null;
        var item = type.GetGenericArguments()[0];
        return item == typeof(int) || item == typeof(long) || item == typeof(double) || item == typeof(string) ? item : null;
    }

    static void RequireRange(string where, double? min, double? max)
    {
        if (min is null || max is null)
            throw new InvalidOperationException($"{where}: a number parameter declares both Min and Max (a sane range)");
    }

    static string Describe(object? value) => value switch
    {
        null => "no value",
        string s => $"'{s}'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? value.GetType().Name,
    };

    /// <summary>LearningRate → learning_rate, NFft → n_fft, Log2 → log2.</summary>
    public static string SnakeCase(string name) => OptionNames.SnakeCase(name);
}
