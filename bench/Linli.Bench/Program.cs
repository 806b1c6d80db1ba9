using BenchmarkDotNet.Running;
using Linli.Bench;

// dotnet run -c Release --project bench/Linli.Bench -- --filter '*PointLookup*'
// PostGIS comparisons need LINLI_BENCH_POSTGRES (a Host=… connection string); bench/run-lookup.sh starts one.
if (args is ["profile"]) { Profile.Run(); return; }
// dotnet run -c Release --project bench/Linli.Bench -- suggest-eval | duplicate-eval
if (args is ["explain", var first, var second]) { IntakeEvaluation.Explain(first, second); return; }
if (args is ["profile-reading"]) { IntakeEvaluation.ProfileReading(); return; }
if (args is ["suggest-eval"]) { IntakeEvaluation.Suggestions(); return; }
if (args is ["duplicate-eval"]) { IntakeEvaluation.Duplicates(Path.Combine(AppContext.BaseDirectory, "Data", "duplicate-pairs.jsonl")); return; }
BenchmarkSwitcher.FromAssembly(typeof(PointLookupBenchmark).Assembly).Run(args);
