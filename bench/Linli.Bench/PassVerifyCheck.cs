using System.Diagnostics;

namespace Linli.Bench;

/// <summary>
/// <c>Linli.Bench.dll passes</c>: the pass-verification figures as verifications per second of wall
/// time, per second of CPU time, and in the fastest slice of 256 calls, on one thread pinned to one
/// core. On a shared machine other processes take turns on that core; CPU time and the best slice tell
/// what the core does when it is ours.
/// </summary>
internal static class PassVerifyCheck
{
    public static int Run(double seconds = 3)
    {
        using var process = Process.GetCurrentProcess();
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            process.ProcessorAffinity = 1;
        }
        var bench = new PassVerifyBenchmark();
        bench.Setup();
        (string Name, Func<bool> Call)[] cases =
        [
            ("PassTokenVerifier.Verify (whole check, Ed25519)", bench.Verify),
            ("NSec Ed25519 verify alone", bench.Ed25519Only),
            ("ECDSA P-256 verify (SHA-256)", bench.EcdsaP256),
        ];
        foreach (var (_, call) in cases)
        {
            for (var i = 0; i < 2_000; i++) call(); // warm-up: JIT tiers, key caches
        }
        Console.WriteLine($"{"method",-50} {"ops/s (wall)",14} {"ops/s (CPU)",14} {"best 256-op slice",18}");
        foreach (var (name, call) in cases)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            long count = 0;
            var ok = true;
            var best = double.MaxValue;
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var slice = Stopwatch.GetTimestamp();
                for (var i = 0; i < 256; i++) ok &= call();
                best = Math.Min(best, Stopwatch.GetElapsedTime(slice).TotalSeconds);
                count += 256;
            }
            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            if (!ok) throw new InvalidOperationException($"{name}: a verification failed");
            // The best slice is the core's speed when no other process took a turn on it.
            Console.WriteLine($"{name,-50} {count / wall,14:N0} {count / cpu,14:N0} {256 / best,18:N0}");
        }
        bench.Cleanup();
        return 0;
    }
}
