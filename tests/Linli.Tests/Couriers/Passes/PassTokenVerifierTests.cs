using System.Buffers.Text;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Passes.Tokens;
using Linli.Modules.Couriers.Passes.Verify;
using NSec.Cryptography;

namespace Linli.Tests.Couriers.Passes;

/// <summary>The pure verifier: every refusal with its reason, in its order, and no exception for any input.</summary>
public sealed class PassTokenVerifierTests : IDisposable
{
    private const uint Start = 1_780_000_020; // a 30-second boundary
    private const byte Meituan = 1;
    private const byte Eleme = 2;

    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _oldKey = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _stranger = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Guid _pass = Guid.NewGuid();
    private readonly PassTokenVerifier _verifier = new(30);
    private readonly MemoryReplay _replay = new();
    private readonly PassKeySet _keys;

    public PassTokenVerifierTests()
    {
        _keys = new PassKeySet([
            new PassVerifyKey("K1", _key.PublicKey, SigningKeyStatus.Active),
            new PassVerifyKey("K0", _oldKey.PublicKey, SigningKeyStatus.VerifyOnly),
            new PassVerifyKey("KR", _oldKey.PublicKey, SigningKeyStatus.Retired),
        ]);
    }

    public void Dispose()
    {
        _key.Dispose();
        _oldKey.Dispose();
        _stranger.Dispose();
    }

    private static PassSitePolicy Site(string key = "site-a", byte[]? platforms = null, int? from = null, int? to = null, bool closed = false) =>
        new(key, new HashSet<byte>(platforms ?? []), from, to, closed);

    private string Token(string keyId = "K1", Key? key = null, uint notBefore = Start, byte platform = Meituan) =>
        PassTestData.Sign(key ?? _key, keyId, _pass, platform, notBefore, notBefore + 30);

    private PassVerification Check(string? token, long now = Start + 5, PassSitePolicy? site = null, Dictionary<Guid, string>? revoked = null) =>
        _verifier.Verify(token, _keys, revoked ?? [], site ?? Site(), _replay, now);

    [Fact]
    public void A_fresh_token_signed_by_the_active_key_is_valid_with_its_claims()
    {
        var result = Check(Token());
        Assert.True(result.Valid, result.Reason);
        Assert.Null(result.Reason);
        Assert.Equal(_pass, result.Claims!.PassId);
        Assert.Equal("马*", result.Claims.MaskedName);
        Assert.Equal(Meituan, result.Claims.PlatformCode);
        Assert.Equal(Start + 30, result.Claims.NotAfter);
    }

    [Fact]
    public void A_token_from_the_replaced_key_still_verifies_until_it_expires()
    {
        Assert.True(Check(Token("K0", _oldKey)).Valid);
    }

    [Theory]
    [InlineData(2)] // inside the key id
    [InlineData(10)] // inside the pass id
    [InlineData(25)] // notAfter
    [InlineData(33)] // the name
    [InlineData(60)] // inside the signature
    public void Editing_any_byte_of_a_token_is_refused_as_a_bad_signature_or_an_unknown_key(int index)
    {
        var forged = PassTestData.FlipByte(Token(), index);
        var result = Check(forged);
        Assert.False(result.Valid);
        Assert.Equal(index == 2 ? PassRefusals.UnknownKey : PassRefusals.BadSignature, result.Reason);
    }

    [Fact]
    public void A_token_signed_by_another_key_under_a_known_key_id_is_refused_as_a_bad_signature()
    {
        var result = Check(Token("K1", _stranger));
        Assert.Equal((false, PassRefusals.BadSignature), (result.Valid, result.Reason));
    }

    [Fact]
    public void A_token_naming_a_key_the_gate_does_not_hold_is_refused_as_an_unknown_key()
    {
        var result = Check(Token("ZZZ", _stranger));
        Assert.Equal((false, PassRefusals.UnknownKey), (result.Valid, result.Reason));
        Assert.Equal("ZZZ", result.Claims!.KeyId);
    }

    [Fact]
    public void A_token_signed_by_a_retired_key_is_refused_even_with_a_good_signature()
    {
        var result = Check(Token("KR", _oldKey));
        Assert.Equal((false, PassRefusals.RetiredKey), (result.Valid, result.Reason));
    }

    [Fact]
    public void A_token_is_expired_once_its_window_and_the_skew_are_over_and_valid_just_before()
    {
        Assert.True(Check(Token(), now: Start + 30 + 29).Valid);
        Assert.Equal(PassRefusals.Expired, Check(Token(), now: Start + 30 + 30).Reason);
        Assert.Equal(PassRefusals.Expired, Check(Token(), now: Start + 3600).Reason);
    }

    [Fact]
    public void A_token_from_the_future_is_not_yet_valid_beyond_the_skew_and_accepted_within_it()
    {
        Assert.True(Check(Token(), now: Start - 30).Valid); // the gate's clock is 30 s behind the phone's
        Assert.Equal(PassRefusals.NotYetValid, Check(Token(), now: Start - 31).Reason);
        Assert.Equal(PassRefusals.NotYetValid, new PassTokenVerifier(0).Verify(Token(), _keys, new Dictionary<Guid, string>(), Site(), null, Start - 1).Reason);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("suspended")]
    public void A_pass_on_the_revocation_list_is_refused_with_the_lists_reason(string reason)
    {
        var result = Check(Token(), revoked: new() { [_pass] = reason });
        Assert.Equal((false, reason), (result.Valid, result.Reason));
        Assert.True(Check(Token(), revoked: new() { [Guid.NewGuid()] = reason }).Valid);
    }

    [Fact]
    public void A_site_that_lets_in_only_other_platforms_refuses_the_riders_platform()
    {
        Assert.Equal(PassRefusals.PlatformNotAllowed, Check(Token(), site: Site(platforms: [Eleme])).Reason);
        Assert.True(Check(Token(), site: Site(platforms: [Eleme, Meituan])).Valid);
    }

    [Fact]
    public void Outside_the_sites_open_hours_in_China_time_or_when_it_is_closed_the_rider_is_refused()
    {
        // Start is 2026-05-28 20:27 UTC = 04:27 China time.
        var morning = Site(from: 7 * 60, to: 22 * 60);
        Assert.Equal(PassRefusals.SiteClosed, Check(Token(), site: morning).Reason);
        var night = Site(key: "night", from: 22 * 60, to: 6 * 60); // over midnight
        Assert.True(Check(Token(), site: night).Valid);
        Assert.Equal(PassRefusals.SiteClosed, Check(Token(), site: Site(key: "shut", closed: true)).Reason);
    }

    [Fact]
    public void A_token_shown_twice_at_the_same_gate_is_refused_as_replayed_but_let_in_at_another_gate()
    {
        var token = Token();
        Assert.True(Check(token, site: Site("gate-1")).Valid);
        Assert.Equal(PassRefusals.Replayed, Check(token, site: Site("gate-1")).Reason);
        Assert.True(Check(token, site: Site("gate-2")).Valid);
        Assert.True(Check(Token(notBefore: Start + 30), now: Start + 31, site: Site("gate-1")).Valid); // the next window is a new code
    }

    [Fact]
    public void Refusals_come_in_the_fixed_order_so_an_expired_revoked_token_is_expired_and_a_forged_one_is_forged_first()
    {
        var revoked = new Dictionary<Guid, string> { [_pass] = PassRefusals.Revoked };
        Assert.Equal(PassRefusals.Expired, Check(Token(), now: Start + 3600, revoked: revoked).Reason);
        Assert.Equal(PassRefusals.BadSignature, Check(Token("K1", _stranger), now: Start + 3600, revoked: revoked).Reason);
        Assert.Equal(PassRefusals.Revoked, Check(Token(), site: Site(platforms: [Eleme]), revoked: revoked).Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("LX1.")]
    [InlineData("LX2.AQJLMQ")]
    [InlineData("https://linli.example/site/GATE1")]
    [InlineData("LX1.!!!!not-base64")]
    [InlineData("LX1.AAAA")]
    public void Text_that_is_not_a_token_is_malformed(string? text)
    {
        var result = Check(text);
        Assert.Equal((false, PassRefusals.Malformed), (result.Valid, result.Reason));
        Assert.False(PassTokenCodec.TryDecode(text, out _));
    }

    [Fact]
    public void Every_truncation_and_trailing_bytes_are_malformed()
    {
        var token = Token();
        for (var length = 0; length < token.Length; length++)
        {
            var result = Check(token[..length]);
            Assert.False(result.Valid, $"length {length}");
            Assert.Equal(PassRefusals.Malformed, result.Reason);
        }
        var bytes = Base64Url.DecodeFromChars(token.AsSpan(4));
        var longer = PassTokenCodec.Prefix + Base64Url.EncodeToString([.. bytes, 0]);
        Assert.Equal(PassRefusals.Malformed, Check(longer).Reason);
        Assert.Equal(PassRefusals.Malformed, Check(token + new string('A', 300)).Reason);
    }

    [Fact]
    public void Random_bytes_behind_the_prefix_never_throw_and_are_never_valid()
    {
        var random = new Random(2026);
        var valid = Base64Url.DecodeFromChars(Token().AsSpan(4));
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length > 2)
            {
                // Plausible headers (version 1, a short key id) reach the deeper length checks.
                bytes[0] = 1;
                bytes[1] = (byte)random.Next(0, 10);
            }
            if (i % 5 == 0)
            {
                bytes = [.. valid];
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256); // a mutated real token
            }
            var result = Check(PassTokenCodec.Prefix + Base64Url.EncodeToString(bytes));
            Assert.False(result.Valid && !bytes.AsSpan().SequenceEqual(valid));
        }
    }

    [Fact]
    public void The_codec_round_trips_every_field_and_cuts_a_long_name_on_a_character_boundary()
    {
        var longName = new string('欧', 30);
        var token = PassTestData.Sign(_key, "K1", _pass, 255, Start, Start + 30, longName);
        Assert.True(PassTokenCodec.TryDecode(token, out var claims));
        Assert.Equal(("K1", _pass, (byte)255, Start, Start + 30), (claims!.KeyId, claims.PassId, claims.PlatformCode, claims.NotBefore, claims.NotAfter));
        Assert.Equal(new string('欧', 16), claims.MaskedName);
        Assert.True(Token().Length < 160, "the QR code stays small");
    }

    private sealed class MemoryReplay : IPassReplayStore
    {
        private readonly HashSet<(Guid, uint, string)> _seen = [];

        public bool TryRemember(Guid passId, uint notBefore, string siteKey) => _seen.Add((passId, notBefore, siteKey));
    }
}
