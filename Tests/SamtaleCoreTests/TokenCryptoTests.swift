import Testing

@testable import SamtaleCore

// MARK: - SHA256

@Suite struct TokenCryptoSHA256Tests {
    /// FIPS 180-4 example messages and their digests.
    static let vectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ]

    @Test(arguments: vectors)
    func hashesTheStandardVectors(message: String, digest: String) {
        #expect(hex(SHA256.hash(Array(message.utf8))) == digest)
        #expect(hex(SHA256.hash(message.utf8)) == digest)
    }

    @Test func hashesOneMillionA() {
        let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(hex(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))) == digest)
        // Without contiguous storage, through the chunked path.
        #expect(hex(SHA256.hash(repeatElement(UInt8(ascii: "a"), count: 1_000_000))) == digest)
    }

    @Test func incrementalUpdatesEqualTheOneShotHash() {
        let message = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let expected = SHA256.hash(message)
        for split in 0...message.count {
            var hash = SHA256()
            hash.update(message[..<split])
            hash.update(message[split...])
            #expect(hash.finalize() == expected, "split at \(split)")

            var lazyHash = SHA256()
            lazyHash.update(message[..<split].lazy.map { $0 })
            lazyHash.update(message[split...])
            #expect(lazyHash.finalize() == expected, "non-contiguous head, split at \(split)")
        }
        var byteByByte = SHA256()
        for byte in message { byteByByte.update(CollectionOfOne(byte)) }
        #expect(byteByByte.finalize() == expected)
    }

    @Test func digestsAre32Bytes() {
        for count in [0, 55, 56, 63, 64, 65, 119, 120, 128] {
            #expect(SHA256.hash([UInt8](repeating: 0, count: count)).count == 32)
        }
    }
}

// MARK: - HMACSHA256

@Suite struct TokenCryptoHMACTests {
    static let longKey = [UInt8](repeating: 0xAA, count: 131)

    /// RFC 4231 test cases 1–4, 6 and 7 (case 5 is truncated and has its own test).
    static let cases: [(key: [UInt8], data: [UInt8], code: String)] = [
        (
            [UInt8](repeating: 0x0B, count: 20), Array("Hi There".utf8),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        (
            Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        (
            [UInt8](repeating: 0xAA, count: 20), [UInt8](repeating: 0xDD, count: 50),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
        ),
        (
            Array(1...25), [UInt8](repeating: 0xCD, count: 50),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
        ),
        (
            longKey, Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
        (
            longKey,
            Array(
                ("This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        ),
    ]

    @Test(arguments: cases)
    func matchesRFC4231(key: [UInt8], data: [UInt8], code: String) {
        let computed = HMACSHA256.authenticationCode(for: data, key: key)
        #expect(hex(computed) == code)
        #expect(HMACSHA256.isValid(computed, for: data, key: key))
    }

    @Test func matchesTruncatedRFC4231Case5() {
        let code = HMACSHA256.authenticationCode(
            for: Array("Test With Truncation".utf8),
            key: [UInt8](repeating: 0x0C, count: 20))
        #expect(hex(Array(code.prefix(16))) == "a3b6167473100ee06e0c796c2955552b")
    }

    @Test func rejectsAlteredOrShortenedCodes() {
        let key = Array("shared secret".utf8)
        let message = Array(#"{"step":3}"#.utf8)
        let code = HMACSHA256.authenticationCode(for: message, key: key)
        #expect(HMACSHA256.isValid(code, for: message, key: key))
        for index in [0, 15, 31] {
            var altered = code
            altered[index] ^= 0x01
            #expect(!HMACSHA256.isValid(altered, for: message, key: key))
        }
        #expect(!HMACSHA256.isValid(Array(code.prefix(16)), for: message, key: key))
        #expect(!HMACSHA256.isValid(Array(code.dropLast()), for: message, key: key))
        #expect(!HMACSHA256.isValid(code + [0], for: message, key: key))
        #expect(!HMACSHA256.isValid([], for: message, key: key))
        #expect(!HMACSHA256.isValid(code, for: Array(#"{"step":4}"#.utf8), key: key))
        #expect(!HMACSHA256.isValid(code, for: message, key: Array("other secret".utf8)))
    }
}

// MARK: - Base64URL

@Suite struct TokenCryptoBase64URLTests {
    /// RFC 4648 §10, in the URL alphabet and without padding.
    static let vectors: [(text: String, encoded: String)] = [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"),
        ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ]

    @Test(arguments: vectors)
    func encodesAndDecodesTheRFCVectors(text: String, encoded: String) {
        #expect(Base64URL.encode(Array(text.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Array(text.utf8))
    }

    @Test func usesTheURLSafeDigits() {
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.encode([0xFB, 0xEF, 0xBE]) == "----")
        #expect(Base64URL.encode([0xFF, 0xFF, 0xFF]) == "____")
        #expect(Base64URL.decode("-_8") == [0xFB, 0xFF])
        #expect(Base64URL.decode("----") == [0xFB, 0xEF, 0xBE])
        #expect(Base64URL.decode("____") == [0xFF, 0xFF, 0xFF])
    }

    @Test func roundTripsRandomBytes() {
        var generator = SplitMix64(seed: 4648)
        for _ in 0..<1000 {
            let count = Int.random(in: 0...100, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let encoded = Base64URL.encode(bytes)
            #expect(encoded.utf8.count == (count * 4 + 2) / 3)
            #expect(Base64URL.decode(encoded) == bytes)
        }
    }

    @Test(arguments: ["Zg=", "Zg==", "Z", "Zm9vY", "Zh", "Zm9", "Zm9v!", "Zm+v", "Zm/v", "Zm9v ", "Zm9vÆ"])
    func rejectsNonCanonicalText(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }
}

// MARK: - Base64

@Suite struct TokenCryptoBase64Tests {
    /// RFC 4648 §10, padded.
    static let vectors: [(text: String, encoded: String)] = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ]

    @Test(arguments: vectors)
    func encodesAndDecodesTheRFCVectors(text: String, encoded: String) {
        #expect(Base64.encode(Array(text.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(text.utf8))
    }

    @Test func usesTheStandardDigits() {
        #expect(Base64.encode([0xFB, 0xFF]) == "+/8=")
        #expect(Base64.encode([0xFB, 0xEF, 0xBE]) == "++++")
        #expect(Base64.decode("+/8=") == [0xFB, 0xFF])
        #expect(Base64.decode("////") == [0xFF, 0xFF, 0xFF])
    }

    /// The security token of Microsoft's sample outgoing webhook is 32 bytes, the key of its HMAC.
    @Test func decodesATeamsSecurityToken() {
        let key = Base64.decode("vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=")
        #expect(key?.count == 32)
        #expect(key.map(Base64.encode) == "vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=")
    }

    @Test func roundTripsRandomBytes() {
        var generator = SplitMix64(seed: 4648)
        for _ in 0..<1000 {
            let count = Int.random(in: 0...100, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let encoded = Base64.encode(bytes)
            #expect(encoded.utf8.count == (count + 2) / 3 * 4)
            #expect(Base64.decode(encoded) == bytes)
        }
    }

    @Test(arguments: [
        "Zg", "Zg=", "Zg===", "Z===", "====", "Zh==", "Zm9=", "Zm=v", "Zm9v!", "Zm-v", "Zm_v", "Zm9v ", "Zm9vÆ===",
    ])
    func rejectsNonCanonicalText(text: String) {
        #expect(Base64.decode(text) == nil)
    }
}

@Suite struct TokenCryptoComparisonTests {
    @Test func codesMatchOnlyWhenEveryByteAndTheLengthAgree() {
        let code = HMACSHA256.authenticationCode(for: Array("body".utf8), key: Array("key".utf8))
        #expect(HMACSHA256.codesMatch(code, code))
        for index in code.indices {
            var changed = code
            changed[index] ^= 0x01
            #expect(!HMACSHA256.codesMatch(changed, code))
        }
        #expect(!HMACSHA256.codesMatch(Array(code.dropLast()), code))
        #expect(!HMACSHA256.codesMatch([], code))
    }
}

// MARK: - Helpers

/// Lower-case hexadecimal, as the RFCs print digests.
private func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
}
