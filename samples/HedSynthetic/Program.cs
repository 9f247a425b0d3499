using System.Diagnostics;
using System.Globalization;
using LstmFcn.Samples.HedSynthetic;

// Writes SYNTHETIC HED diffraction spectra as .xy files:
//   dotnet run --project samples/HedSynthetic -c Release -- runs/hed-synthetic [--count 349] [--transition 185] [--points 4200] [--seed 7] [--noise 0.02]
if (args.Length < 1 || args[0].StartsWith("-"))
{
    Console.Error.WriteLine("usage: HedSynthetic OUTPUT_FOLDER [--count N] [--transition T] [--points P] [--seed S] [--noise X]");
    return 2;
}
var options = new SyntheticSpectraOptions();
for (int i = 1; i < args.Length; i += 2)
{
    if (i + 1 >= args.Length) { Console.Error.WriteLine($"error: {args[i]} needs a value"); return 2; }
    string v = args[i + 1];
    options = args[i] switch
    {
        "--count" => options with { Count = int.Parse(v, CultureInfo.InvariantCulture) },
        "--transition" => options with { Transition = int.Parse(v, CultureInfo.InvariantCulture) },
        "--points" => options with { Points = int.Parse(v, CultureInfo.InvariantCulture) },
        "--seed" => options with { Seed = int.Parse(v, CultureInfo.InvariantCulture) },
        "--noise" => options with { Noise = double.Parse(v, CultureInfo.InvariantCulture) },
        _ => throw new ArgumentException($"unknown option {args[i]}"),
    };
}
var clock = Stopwatch.StartNew();
var paths = SyntheticSpectra.WriteXy(args[0], options);
Console.WriteLine($"Wrote {paths.Count} SYNTHETIC spectra ({options.Points} points, transition at position {options.Transition}) to {Path.GetFullPath(args[0])} in {clock.Elapsed.TotalSeconds:F1} s");
return 0;
