namespace LstmFcn.Pipeline;

/// <summary>
/// A plugin's parameters, declared once: a record whose <see cref="ParameterAttribute"/> properties are the
/// parameters (their initial values the defaults). <see cref="OptionsSchema{T}"/> derives the declarations that
/// <c>validate</c> and <c>plugins describe</c> use and binds checked arguments to a record; <see cref="Validate"/>
/// states the rules that tie parameters together, which the engine checks for every step before anything runs.
/// </summary>
public abstract record PluginOptions
{
    /// <summary>Where these options come from, for messages: "model (lstm-fcn)" (set when bound; not a parameter).</summary>
    public string Step { get; init; } = "";

    /// <summary>
    /// Problems between parameters (each value alone is already in range), e.g. "monitor val_loss needs
    /// validation_split &gt; 0". Name the parameter the problem is best located at; the engine reports it with the
    /// file, line and column of that value.
    /// </summary>
    public virtual IEnumerable<OptionProblem> Validate() => [];
}
