using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Passes.Tokens;
using Linli.Modules.Couriers.Passes.Verify;
using NSec.Cryptography;

namespace Linli.Bench;

/// <summary>
/// Offline pass verification on one thread (issue #9: at least 10,000 a second on one core): the whole
/// <see cref="PassTokenVerifier.Verify"/> of a valid token (base64url, parsing, key lookup, Ed25519,
/// window, a revocation list of 10,000 passes, the site's policy, the replay check), against the bare
/// Ed25519 verification of the same bytes (NSec) and an ECDSA P-256 verification of a payload of the
/// same size (System.Security.Cryptography), the other algorithm the issue allows.
/// </summary>
[Config(typeof(Config))]
public class PassVerifyBenchmark
{
    private const uint NotBefore = 1_780_000_020;

    private readonly PassTokenVerifier _verifier = new();
    private Key _key = null!;
    private PassKeySet _keys = null!;
    private string _token = "";
    private byte[] _payload = [];
    private byte[] _signature = [];
    private ECDsa _ecdsa = null!;
    private byte[] _ecdsaSignature = [];
    private Dictionary<Guid, string> _revoked = [];
    private PassSitePolicy _site = null!;

    private sealed class Config : ManualConfig
    {
        // In process, pinned to the first core; short: the spread is small next to the margins compared.
        public Config()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithAffinity(1).WithIterationCount(5).WithWarmupCount(2).WithLaunchCount(1));
            AddColumn(StatisticColumn.OperationsPerSecond);
        }
    }

    /// <summary>Every check passes, replay included, so each call runs the whole path.</summary>
    private sealed class AlwaysNew : IPassReplayStore
    {
        public bool TryRemember(Guid passId, uint notBefore, string siteKey) => true;
    }

    private readonly AlwaysNew _replay = new();

    [GlobalSetup]
    public void Setup()
    {
        _key = Key.Create(SignatureAlgorithm.Ed25519);
        _keys = new PassKeySet([new PassVerifyKey("K7Q2M", _key.PublicKey, SigningKeyStatus.Active)]);
        var pass = Guid.NewGuid();
        _payload = PassTokenCodec.Payload("K7Q2M", pass, 1, NotBefore, NotBefore + 30, "马*");
        _signature = SignatureAlgorithm.Ed25519.Sign(_key, _payload);
        _token = PassTokenCodec.Encode(_payload, _signature);
        _revoked = Enumerable.Range(0, 10_000).ToDictionary(_ => Guid.NewGuid(), i => i % 10 == 0 ? "suspended" : "revoked");
        _site = new PassSitePolicy("site", new HashSet<byte> { 1, 2, 3 }, 22 * 60, 20 * 60, false);
        _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _ecdsaSignature = _ecdsa.SignData(_payload, HashAlgorithmName.SHA256);
        if (!Verify() || !Ed25519Only() || !EcdsaP256())
        {
            throw new InvalidOperationException("A verification failed in set-up; nothing to measure.");
        }
        Console.WriteLine($"// token: {_token.Length} characters, payload {_payload.Length} bytes + 64-byte signature");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _key.Dispose();
        _ecdsa.Dispose();
    }

    [Benchmark(Baseline = true, Description = "PassTokenVerifier.Verify (whole check, Ed25519)")]
    public bool Verify() => _verifier.Verify(_token, _keys, _revoked, _site, _replay, NotBefore + 10).Valid;

    [Benchmark(Description = "NSec Ed25519 verify alone (same bytes)")]
    public bool Ed25519Only() => SignatureAlgorithm.Ed25519.Verify(_key.PublicKey, _payload, _signature);

    [Benchmark(Description = "ECDSA P-256 verify (same payload, SHA-256)")]
    public bool EcdsaP256() => _ecdsa.VerifyData(_payload, _ecdsaSignature, HashAlgorithmName.SHA256);
}
