namespace LstmFcn.Pipeline.Cli;

/// <summary>
/// Input a command was given that it cannot use — a source that is not there, a file of the wrong kind, values that
/// contradict each other — found by the plugin doing the work: exit 2 with the plugin's message, as for usage.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(Exception cause) : base(cause.Message, cause) { }

    /// <summary>Runs <paramref name="work"/>; the exceptions plugins throw for bad input become an <see cref="InputException"/>.</summary>
    public static T Guard<T>(Func<T> work)
    {
        try { return work(); }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
        {
            throw new InputException(e);
        }
    }
}
