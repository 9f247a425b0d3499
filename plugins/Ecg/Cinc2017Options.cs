using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Ecg;

/// <summary>
/// The <c>cinc2017</c> loader's parameters: the folder of records, its label file, the code-to-class map and where
/// the test set comes from (another folder, or a list of this folder's records). Folders and files are checked when
/// the loader reads them, so a missing one names the step.
/// </summary>
public sealed record Cinc2017Options : PluginOptions
{
    [Parameter("folder of records (<name>.hea and the .mat it names)", Required = true, Path = PathKind.Any)]
    public string Data { get; init; } = "";

    [Parameter("reference file 'record,label' (default: REFERENCE.csv in the data folder); the records it lists are loaded", Path = PathKind.Any)]
    public string? Labels { get; init; }

    [Parameter("label code to class name, 'code=name'; codes may share a name to merge classes")]
    public IReadOnlyList<string> Classes { get; init; } = ["N=Normal", "A=AF", "O=Other", "~=Noisy"];

    [Parameter("folder of test records (default: no test set, or test_records)", Path = PathKind.Any)]
    public string? Test { get; init; }

    [Parameter("reference file of the test folder (default: REFERENCE.csv in it)", Path = PathKind.Any)]
    public string? TestLabels { get; init; }

    [Parameter("file naming records of the data folder (one per line) that form the test set instead", Path = PathKind.Any)]
    public string? TestRecords { get; init; }

    public override IEnumerable<OptionProblem> Validate()
    {
        if (LabelNames.ProblemOf(Classes) is { } classes) yield return new("classes", classes);
        if (Test is not null && TestRecords is not null)
            yield return new("test_records", "give either a test folder ('test') or a list of test records ('test_records'), not both");
        if (TestLabels is not null && Test is null)
            yield return new("test_labels", "'test_labels' needs a test folder ('test')");
    }
}
