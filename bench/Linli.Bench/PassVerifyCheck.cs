using System.Diagnostics;

namespace Linli.Bench;

/// <summary>
/// <c>Linli.Bench.dll passes</c>: the pass-verification figures as verifications per second of wall
/// time and per second of CPU time on one thread pinned to one core. On a shared machine other
/// processes take turns on that core; CPU time tells what the core does when it is ours.
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
        Console.WriteLine($"{"method",-50} {"ops/s (wall)",14} {"ops/s (CPU)",14}");
        foreach (var (name, call) in cases)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            long count = 0;
            var ok = true;
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                for (var i = 0; i < 256; i++) ok &= call();
                count += 256;
            }
            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            if (!ok) throw new InvalidOperationException($"{name}: a verification failed");
            Console.WriteLine($"{name,-50} {count / wall,14:N0} {count / cpu,14:N0}");
        }
        bench.Cleanup();
        return 0;
    }
}
