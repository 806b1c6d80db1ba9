using BenchmarkDotNet.Running;
using Linli.Bench;

// dotnet run -c Release --project bench/Linli.Bench -- --filter '*PointLookup*'
// PostGIS comparisons need LINLI_BENCH_POSTGRES (a Host=… connection string); bench/run-lookup.sh starts one.
if (args is ["profile"]) { Profile.Run(); return; }
BenchmarkSwitcher.FromAssembly(typeof(PointLookupBenchmark).Assembly).Run(args);
