using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>Data files as exporters write them: separators after the last value end the line, they are not values.</summary>
public sealed class HostileDataSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    DatasetSplit Load(string train)
    {
        var loader = Plugins.Loader("ucr");
        return loader.Load(Plugins.Arguments(loader, ("train", train)), Plugins.Context(_temp.Path));
    }

    [Theory]
    [InlineData("1\t0.1\t0.2\t0.3\t\n2\t0.4\t0.5\t0.6\t\n")]       // a trailing tab on every line
    [InlineData("1\t0.1\t0.2\t0.3\t\t \r\n2\t0.4\t0.5\t0.6\t\r\n")]  // several, with spaces and CRLF
    [InlineData("1,0.1,0.2,0.3,\n2,0.4,0.5,0.6,\n")]                // a trailing comma
    public void Trailing_separators_at_line_ends_are_accepted(string text)
    {
        var split = Load(_temp.Write("t_TRAIN.tsv", text));

        Assert.Equal(2, split.Train.Count);
        Assert.Equal(new[] { 0.4f, 0.5f, 0.6f }, split.Train.Samples[1].Values);
    }
}
