import Foundation
import SamtaleCore
import Testing

@testable import WebhookAdapter

/// The forms in which a platform may echo a webhook's secret, each cut out by `WebhookAddress.redacting`, and a
/// reader that tries to get the secret back out of what is left: as is, percent- or JSON-decoded, or decoded from
/// base64 or hex at every offset.
@Suite struct RedactionTests {
    /// The hostile tester's URL, and one whose pieces have base64 digits that differ between the standard and the
    /// URL-safe alphabet (`~~~` is `fn5+` and `fn5-`); with each one's secret pieces.
    static let urls: [(url: String, pieces: [String])] = [
        (
            "http://alice:Pw0rdQ9z@127.0.0.1:8080/403/6f1bd2c3e4a5/SeCrEtTok3n?key=QueryKey55",
            ["alice:Pw0rdQ9z", "alice", "Pw0rdQ9z", "6f1bd2c3e4a5", "SeCrEtTok3n", "QueryKey55"]
        ),
        (
            "http://alice:Pw0rd~~~Q9z@127.0.0.1:8080/403/6f1bd2c3e4a5/SeCrEtTok3n?key=Query~~~Key55",
            ["alice:Pw0rd~~~Q9z", "alice", "Pw0rd~~~Q9z", "6f1bd2c3e4a5", "SeCrEtTok3n", "Query~~~Key55"]
        ),
    ]

    /// Every character as `%HH`, with lower- or upper-case hex digits.
    static func percentEncoded(_ text: String, upper: Bool) -> String {
        text.utf8.map { "%" + String(format: upper ? "%02X" : "%02x", $0) }.joined()
    }

    /// What a platform may write for `text`: each character percent-encoded (both cases of hex digits) or as JSON's
    /// `\u00HH`, base64 (standard and URL-safe, with and without padding), hex (lower and upper case).
    static func echoes(of text: String) -> [(form: String, echo: String)] {
        let base64 = Data(text.utf8).base64EncodedString()
        let urlSafe = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let hex = text.utf8.map { String(format: "%02x", $0) }.joined()
        return [
            ("percent", percentEncoded(text, upper: false)), ("PERCENT", percentEncoded(text, upper: true)),
            ("json", text.utf8.map { String(format: "\\u%04x", $0) }.joined()),
            ("base64", base64), ("base64 unpadded", base64.replacingOccurrences(of: "=", with: "")),
            ("base64url", urlSafe), ("base64url unpadded", urlSafe.replacingOccurrences(of: "=", with: "")),
            ("hex", hex), ("HEX", hex.uppercased()),
        ]
    }

    /// Each piece and the whole URL in each form, in a sentence; the whole URL also inside a longer base64 text at
    /// each of the three places a byte can take in a group of three.
    static let cases: [(url: Int, what: String, text: String)] = urls.indices.flatMap { index in
        let (url, pieces) = urls[index]
        var cases: [(url: Int, what: String, text: String)] = []
        for piece in pieces + [url] {
            for (form, echo) in echoes(of: piece) {
                cases.append((index, "\(piece) as \(form)", "bad token \(echo) for this hook"))
            }
        }
        for start in 0..<3 {
            let blob = Data((String(repeating: "x", count: start) + url + " was refused").utf8).base64EncodedString()
            cases.append((index, "base64 of a text with the URL at \(start)", "trace=\(blob)"))
        }
        cases.append((index, "user name", "user alice has no access"))
        return cases
    }

    @Test(arguments: cases.indices)
    func everyFormOfTheSecretIsCutOut(index: Int) throws {
        let (url, what, text) = Self.cases[index]
        let address = try WebhookAddress(parsing: Self.urls[url].url, platform: .generic)
        let cleaned = address.redacting(text)
        for piece in Self.urls[url].pieces {
            #expect(!Self.readable(piece, in: cleaned), "\(what): \(piece) can be read in \(cleaned)")
        }
        #expect(cleaned.contains("…"), "\(what): \(cleaned)")
    }

    @Test func aShortUserNameIsCutOnlyWhereItIsAWordOfItsOwn() throws {
        let address = try WebhookAddress(parsing: Self.urls[0].url, platform: .generic)
        #expect(address.redacting("alice: malice, Alice's; ALICE") == "…: malice, …'s; …")
    }

    // MARK: Reading the secret back

    /// Whether any four bytes in a row of `piece` (all of it, when shorter) can be read in `text`.
    static func readable(_ piece: String, in text: String) -> Bool {
        let secret = lowercased(Array(piece.utf8))
        let width = min(4, secret.count)
        let windows = (0...(secret.count - width)).map { Array(secret[$0..<($0 + width)]) }
        return readings(of: text).contains { reading in
            let bytes = lowercased(reading)
            return windows.contains { window in
                bytes.count >= width
                    && (0...(bytes.count - width)).contains { Array(bytes[$0..<($0 + width)]) == window }
            }
        }
    }

    /// The text as is, with its escapes decoded, and every run of base64 or hex digits decoded at every offset.
    static func readings(of text: String) -> [[UInt8]] {
        var readings = [Array(text.utf8), unescaped(text)]
        for run in runs(in: text, of: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_") {
            let digits = run.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            for offset in 0..<4 where digits.count - offset >= 4 {
                let part = String(digits.dropFirst(offset).prefix((digits.count - offset) / 4 * 4))
                if let data = Data(base64Encoded: part) { readings.append(Array(data)) }
            }
        }
        for run in runs(in: text, of: "0123456789abcdefABCDEF") {
            for offset in 0..<2 {
                let digits = Array(run.utf8.dropFirst(offset))
                readings.append(
                    stride(from: 0, to: digits.count - 1, by: 2).compactMap {
                        UInt8(String(decoding: digits[$0...($0 + 1)], as: UTF8.self), radix: 16)
                    })
            }
        }
        return readings
    }

    /// `%HH` and `\u00HH` decoded wherever they stand.
    static func unescaped(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var index = 0
        func hex(_ from: Int, _ count: Int) -> UInt8? {
            guard from + count <= bytes.count else { return nil }
            return UInt8(String(decoding: bytes[from..<(from + count)], as: UTF8.self), radix: 16)
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), let value = hex(index + 1, 2) {
                result.append(value)
                index += 3
            } else if bytes[index] == UInt8(ascii: "\\"), hex(index + 2, 2) == 0,
                bytes[index + 1] == UInt8(ascii: "u"), let value = hex(index + 4, 2)
            {
                result.append(value)
                index += 6
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    static func runs(in text: String, of characters: String) -> [String] {
        text.split { !characters.contains($0) }.map(String.init).filter { $0.count >= 4 }
    }

    static func lowercased(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
    }
}
