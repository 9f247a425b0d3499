namespace LstmFcn.Pipeline.Cli.Commands;

static class HelpCommand
{
    public static int Execute()
    {
        Console.WriteLine("""
            lstmfcn — run declarative time-series classification pipelines

            Usage:
              lstmfcn run PIPELINE.yaml [--set KEY=VALUE]... [--plugins DIR]... [--quiet]
              lstmfcn run --resume RUN_DIR [--set KEY=VALUE]...   (continue an interrupted run from its checkpoints)
              lstmfcn predict MODEL DATA... [--output DIR] [--format csv|parquet|both] [--loader NAME] [--with KEY=VALUE]...
                                                    (apply a saved model — a run directory or its model/ — to new series)
              lstmfcn classify MODEL CUBE [--output DIR] [--with KEY=VALUE]... [--roi XMIN,YMIN,XMAX,YMAX|POLYGONS.geojson] [--smooth] [--uncertainty T]
                                                    (a saved model maps a GeoTIFF cube; --with roi_crs=EPSG:4326 for a lon/lat roi)
              lstmfcn classify MODEL CUBE --output DIR --shard I/N   (one worker of a cluster job: shard I's blocks only)
              lstmfcn merge DIR                      (after every shard: checks the blocks, assembles and labels the maps)
              lstmfcn cluster slurm MODEL CUBE --output DIR --tasks N [--partition P] [--time T] [--submit]
              lstmfcn cluster kubernetes MODEL CUBE --output DIR --tasks N --image IMAGE --volume-claim PVC [--files DIR]
              lstmfcn extract CUBE POINTS.csv [--output FILE.csv] [--with KEY=VALUE]...  (points' series from a cube, no model)
              lstmfcn cube describe SOURCE [--source folder|stac] [--collections A,B] [--datetime FROM/TO] [--bbox W,S,E,N]
                                   [--bands-map KEY=BAND,...] [--limit N] [--with KEY=VALUE]...
                                                    (tiles, bands, dates, CRS, resolution, missing assets: no pixel read)
              lstmfcn cube regularize SOURCE ... --output DIR --period DAYS [--origin yyyy-MM-dd] [--method first-valid|median|least-cloudy]
                                   [--mask-band SCL [--mask-classes 3,8,9,10]] [--prefix REGULAR_CUBE]   (a regular cube of COGs)
              lstmfcn sample-design MAP --output FILE.geojson|.csv [--per-class N | --target-se S --expected-ua U[,U...]]
                                   [--min-per-class N] [--seed N]   (stratified random points of a class map to label)
              lstmfcn validate PIPELINE.yaml [--set KEY=VALUE]... [--plugins DIR]...
              lstmfcn plugins [--plugins DIR]...
              lstmfcn plugins describe NAME
              lstmfcn bench [PIPELINE.yaml...] [--repeats 5] [--epochs 100] [--threads 2] [--device cpu|cuda] [--output benchmarks/results]
              lstmfcn reproduce MANIFEST.yaml [--epochs E] [--seed S] [--datasets A,B] [--models m,n] [--threads T] [--rerun] [--output PREFIX]
              lstmfcn compare RUN_DIR... [--output DIR] [--members]   (accuracy table, ranks, Wilcoxon, CD plot; a folder = the runs in it; --members: ensemble members as models too)
              lstmfcn version

            --set model.with.epochs=10   change any value of the pipeline (dotted path; list items by index)
            --plugins DIR                search DIR for plugins too (also: $LSTMFCN_PLUGINS, ~/.lstmfcn/plugins)
            --allow-plugins              load the plugin folders a pipeline (plugins:) or a resumed run names: their code runs
                                         (or list trusted folders in ~/.lstmfcn/trusted-plugin-folders)
            --quiet                      print only the run directory (and errors)

            Exit codes: 0 done, 1 the run failed, 2 invalid pipeline or usage, 130 cancelled (Ctrl+C),
            143 stopped by SIGTERM (both mark run.json "cancelled"; run --resume continues from the last checkpoint).
            """);
        return 0;
    }
}
