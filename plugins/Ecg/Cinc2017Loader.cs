using System.Globalization;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Ecg;

/// <summary>
/// The <c>cinc2017</c> loader: PhysioNet/CinC Challenge 2017 single-lead ECG records — WFDB headers whose signals
/// are MATLAB v4 int16 matrices — labelled by a reference file. Every record the label file lists is read, converted
/// to physical units (mV) and kept at its own length. Test data is another folder, or records of the same folder
/// named in a list; otherwise the test set is empty (use <c>evaluate: {kfold: 5}</c>).
/// Each series carries metadata <c>record</c>, <c>sampling_rate</c> (Hz), <c>source</c> (the .mat path),
/// <c>label_code</c> and <c>units</c>; the dataset carries <c>sampling_rate</c> when all records share it.
/// Records are read in parallel (the run's worker threads); signals may be MATLAB v4 <c>.mat</c> or WFDB <c>.dat</c>
/// in format 16 or 212. For <c>lstmfcn predict</c> a folder is read with its <c>REFERENCE.csv</c> when it has one,
/// otherwise unlabelled: the records its <c>RECORDS</c> file names, or every <c>.hea</c> in it.
/// </summary>
public sealed class Cinc2017Loader : LoaderPlugin<Cinc2017Options>, IReadsNewData
{
    /// <summary>Metadata key of the sampling rate in Hz, read by the signal preprocessors.</summary>
    public const string SamplingRateKey = "sampling_rate";

    public override string Name => "cinc2017";
    public override string Description => "PhysioNet/CinC 2017 ECG records (WFDB .hea + MATLAB v4 .mat) labelled by REFERENCE.csv";

    protected override DatasetSplit Load(Cinc2017Options options, RunContext context)
    {
        var names = new LabelNames(options.Classes, options.Step);
        var data = options.Data;
        if (!Directory.Exists(data)) throw new DirectoryNotFoundException($"{options.Step}: data folder {data} not found");
        var labels = options.Labels ?? Path.Combine(data, "REFERENCE.csv");
        var testFolder = options.Test;
        var testList = options.TestRecords;

        var trainEntries = Labelled(ReferenceLabels.Read(labels), names, labels);
        var testEntries = new List<(ReferenceEntry Entry, string Class)>();
        string testSource = "", testLabels = labels;
        if (testFolder is not null)
        {
            if (!Directory.Exists(testFolder)) throw new DirectoryNotFoundException($"{options.Step}: test folder {testFolder} not found");
            testLabels = options.TestLabels ?? Path.Combine(testFolder, "REFERENCE.csv");
            testEntries = Labelled(ReferenceLabels.Read(testLabels), names, testLabels);
            testSource = testFolder;
        }
        else if (testList is not null)
        {
            var byRecord = trainEntries.ToDictionary(e => e.Entry.Record, StringComparer.Ordinal);
            var held = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (record, line) in RecordList.Read(testList))
            {
                if (!byRecord.TryGetValue(record, out var entry))
                    throw new DataFormatException(testList, line, $"record {record} is not in the label file {labels}");
                testEntries.Add(entry);
                held.Add(record);
            }
            trainEntries = trainEntries.Where(e => !held.Contains(e.Entry.Record)).ToList();
            if (trainEntries.Count == 0) throw new ArgumentException($"{options.Step}: {testList} names every record; nothing is left to train on");
            testSource = data;
        }

        // Classes in declaration order, restricted to those present, so no class is empty.
        var present = new HashSet<string>(trainEntries.Concat(testEntries).Select(e => e.Class), StringComparer.Ordinal);
        var classes = new ClassLabels(names.Names.Where(present.Contains));

        var trainRecords = ReadRecords(data, trainEntries, context);
        var testRecords = ReadRecords(testSource, testEntries, context);
        int channels = trainRecords[0].Record.Channels;
        foreach (var (record, _, _) in trainRecords.Concat(testRecords))
            if (record.Channels != channels)
                throw new DataFormatException(record.HeaderPath, 0,
                    $"record {record.Name} has {record.Channels} signal(s), record {trainRecords[0].Record.Name} has {channels}: all records must have the same signals");

        return new DatasetSplit(ToDataset(trainRecords, classes, data, labels), ToDataset(testRecords, classes, testSource, testLabels));
    }

    static List<(ReferenceEntry Entry, string Class)> Labelled(IReadOnlyList<ReferenceEntry> entries, LabelNames names, string path)
    {
        var result = new List<(ReferenceEntry, string)>(entries.Count);
        foreach (var e in entries)
        {
            if (!names.TryGetName(e.Code, out var name))
                throw new DataFormatException(path, e.Line,
                    $"record {e.Record}: unknown label '{e.Code}' (classes maps {string.Join(", ", names.Codes.Select(c => $"'{c}'"))})");
            result.Add((e, name));
        }
        return result;
    }

    static List<(WfdbRecord Record, ReferenceEntry Entry, string Class)> ReadRecords(string folder,
        List<(ReferenceEntry Entry, string Class)> entries, RunContext context)
    {
        // Reading is I/O plus one pass over each record's samples: records are independent, so read them side by side.
        var read = new (WfdbRecord, ReferenceEntry, string)[entries.Count];
        var errors = new Exception?[entries.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, context.WorkerThreads), CancellationToken = context.Cancellation };
        Parallel.For(0, entries.Count, options, i =>
        {
            var (entry, name) = entries[i];
            try { read[i] = (WfdbRecord.Read(folder, entry.Record), entry, name); }
            catch (Exception e) { errors[i] = e; }
        });
        // The first failing record in file order is reported as is, not wrapped in an AggregateException.
        foreach (var e in errors)
            if (e is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
        return new List<(WfdbRecord, ReferenceEntry, string)>(read);
    }

    public TimeSeriesDataset ReadNew(string source, PluginArguments args, RunContext context)
    {
        var options = OptionsSchema<Cinc2017Options>.Bind(args);
        var names = new LabelNames(options.Classes, options.Step);
        if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"{options.Step}: folder of records {source} not found");
        var labels = Path.Combine(source, "REFERENCE.csv");
        List<(ReferenceEntry Entry, string Class)> entries;
        ClassLabels classes;
        if (File.Exists(labels))
        {
            entries = Labelled(ReferenceLabels.Read(labels), names, labels);
            var present = new HashSet<string>(entries.Select(e => e.Class), StringComparer.Ordinal);
            classes = new ClassLabels(names.Names.Where(present.Contains));
        }
        else
        {
            entries = UnlabelledRecords(source).Select(r => (new ReferenceEntry(r, "", 0), "")).ToList();
            classes = new ClassLabels(names.Names);
            labels = "";
        }
        var records = ReadRecords(source, entries, context);
        int channels = records[0].Record.Channels;
        foreach (var (record, _, _) in records)
            if (record.Channels != channels)
                throw new DataFormatException(record.HeaderPath, 0,
                    $"record {record.Name} has {record.Channels} signal(s), record {records[0].Record.Name} has {channels}: all records must have the same signals");
        return ToDataset(records, classes, source, labels);
    }

    /// <summary>The records of a folder without labels: its RECORDS list, else every header in name order.</summary>
    static List<string> UnlabelledRecords(string folder)
    {
        var list = Path.Combine(folder, "RECORDS");
        var records = File.Exists(list)
            ? RecordList.Read(list).Select(r => r.Record).ToList()
            : Directory.EnumerateFiles(folder, "*.hea").Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal).ToList();
        if (records.Count == 0)
            throw new DataFormatException(folder, 0, "no records to predict: expected <record>.hea files (and a REFERENCE.csv or RECORDS file, optionally)");
        return records;
    }

    static TimeSeriesDataset ToDataset(List<(WfdbRecord Record, ReferenceEntry Entry, string Class)> records, ClassLabels classes,
        string folder, string labels)
    {
        var samples = new TimeSeriesSample[records.Count];
        for (int i = 0; i < records.Count; i++)
        {
            var (r, entry, name) = records[i];
            int label = name.Length == 0 ? TimeSeriesSample.Unlabelled : classes.IndexOf(name);
            var metadata = new Dictionary<string, string>
            {
                ["record"] = r.Name,
                [SamplingRateKey] = Rate(r.Frequency),
                ["source"] = r.SignalPath,
                ["units"] = string.Join(" ", r.Units),
            };
            if (entry.Code.Length > 0) metadata["label_code"] = entry.Code;
            samples[i] = new TimeSeriesSample(r.Name, r.Values, r.Channels, label, metadata);
        }
        var datasetMetadata = new Dictionary<string, string> { ["source"] = folder };
        if (labels.Length > 0) datasetMetadata["labels"] = labels;
        var rates = records.Select(r => r.Record.Frequency).Distinct().ToList();
        if (rates.Count == 1) datasetMetadata[SamplingRateKey] = Rate(rates[0]);
        return new TimeSeriesDataset(samples, classes, datasetMetadata);
    }

    static string Rate(double hz) => hz.ToString("R", CultureInfo.InvariantCulture);
}
