using BenchmarkDotNet.Running;
using Linli.Bench;

// dotnet run -c Release --project bench/Linli.Bench -- --filter '*PointLookup*'   (or '*PassVerify*': offline pass verification)
// PostGIS comparisons need LINLI_BENCH_POSTGRES (a Host=… connection string); bench/run-lookup.sh starts one.
if (args is ["profile"]) { Profile.Run(); return; }
// dotnet run -c Release --project bench/Linli.Bench -- suggest-eval | duplicate-eval
if (args is ["explain", var first, var second]) { IntakeEvaluation.Explain(first, second); return; }
if (args is ["profile-reading"]) { IntakeEvaluation.ProfileReading(); return; }
if (args is ["suggest-eval"]) { IntakeEvaluation.Suggestions(); return; }
// dotnet run -c Release --project bench/Linli.Bench -- --filter '*RoadLocate*'   (expressway locate: cached network vs rebuilt lines vs a scan)
// dotnet run -c Release --project bench/Linli.Bench -- --filter '*RoundPlanning*'   (inspection rounds: nearest neighbour vs + 2-opt)
// dotnet bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll matching: AssignmentSolver against GLOP on 10,000 × 3,000
// dotnet bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll passes: pass verifications per second of wall and CPU time on one core
if (args is ["passes"]) { Environment.ExitCode = PassVerifyCheck.Run(); return; }
if (args is ["matching"]) { Environment.ExitCode = MatchingCheck.Run(); return; }
if (args is ["duplicate-eval"]) { IntakeEvaluation.Duplicates(Path.Combine(AppContext.BaseDirectory, "Data", "duplicate-pairs.jsonl")); return; }
// dotnet bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll scale-fill "Host=…;Database=…" 50000000   (bench/run-scale.sh)
if (args is ["scale-fill", var database, var target]) { await CaseFill.GrowAsync(database, long.Parse(target, System.Globalization.CultureInfo.InvariantCulture)); return; }
BenchmarkSwitcher.FromAssembly(typeof(PointLookupBenchmark).Assembly).Run(args);
