import ChatAdapter
import SamtaleCore
import Testing

/// 100,000 malformed and hostile requests from a seeded generator: each one is answered as a request or refused with
/// a 4xx or 5xx status, split anywhere or dripped in byte by byte it gives the same, and the valid request parsed
/// after it is still right.
@Suite struct HTTPRequestParserFuzzTests {
    typealias Requests = HTTPTestRequests

    /// What a generated request must come to.
    enum Expected {
        case status(HTTPStatus)
        /// Exactly the request the parser makes of `HTTPTestRequests.zulip`.
        case zulipRequest
        /// A request or a refusal, whichever; the checks every result gets still hold.
        case anything
    }

    struct Generator {
        var random: SplitMix64

        mutating func below(_ bound: Int) -> Int {
            Int(random.next() % UInt64(bound))
        }

        mutating func pick<T>(_ choices: [T]) -> T {
            choices[below(choices.count)]
        }

        /// The valid request with `fields` in place of its Content-Length line.
        func zulip(replacingLength fields: [String], body: String = Requests.zulipBody) -> [UInt8] {
            Array(
                (["POST /zulip HTTP/1.1", "Host: samtale.example.dk"] + fields).joined(separator: "\r\n")
                    .utf8) + Array("\r\n\r\n\(body)".utf8)
        }

        var headLength: Int { Requests.zulip.count - Requests.zulipBody.utf8.count }

        mutating func hostile(_ round: Int) -> (bytes: [UInt8], expected: Expected) {
            let length = "Content-Length: \(Requests.zulipBody.utf8.count)"
            switch round % 100 {
            case 0..<10:
                let encoding = pick([
                    "Transfer-Encoding: chunked", "transfer-encoding: chunked", "Transfer-Encoding:\tchunked",
                    "Transfer-Encoding: chunked, identity", "Transfer-Encoding: xchunked", "TRANSFER-ENCODING: gzip",
                ])
                let fields = below(2) == 0 ? [length, encoding] : [encoding, length]
                return (
                    zulip(replacingLength: fields, body: "0\r\n\r\nGET /admin HTTP/1.1\r\n\r\n"),
                    .status(.notImplemented)
                )
            case 10..<18:
                let other = "Content-Length: \(pick(["0", "5", "\(Requests.zulipBody.utf8.count)", "100"]))"
                let fields = below(2) == 0 ? [length, other] : [other, length]
                return (zulip(replacingLength: fields), .status(.badRequest))
            case 18..<26:
                let value = pick(["-1", "-\(below(1_000_000))", "+48", "0x30", "48 48", "48,48", "4 8", "", "1e3"])
                return (zulip(replacingLength: ["Content-Length: \(value)"]), .status(.badRequest))
            case 26..<30:
                let digits = (0..<(20 + below(40))).map { _ in String(below(10)) }.joined()
                return (zulip(replacingLength: ["Content-Length: \(1 + below(9))\(digits)"]), .status(.badRequest))
            case 30..<38:
                let control = pick([0, 1, 8, 11, 12, 27, 127, 0x80, 0xC3, 0xFF] as [UInt8])
                var bytes = Requests.zulip
                bytes.insert(control, at: below(headLength))
                return (bytes, .status(.badRequest))
            case 38..<46:
                var bytes = Requests.zulip
                bytes.insert(13, at: below(headLength))
                return (bytes, .status(.badRequest))
            case 46..<52:
                var bytes = Requests.zulip
                let returns = bytes.indices.filter { $0 < headLength && bytes[$0] == 13 }
                bytes.remove(at: pick(returns))
                return (bytes, .status(.badRequest))
            case 52..<58:
                let fold = pick([" folded", "\tfolded", " ", "  Content-Length: 0"])
                return (zulip(replacingLength: [length, "X-Note: one", fold]), .status(.badRequest))
            case 58..<66:
                let extra = pick([
                    "GET /admin HTTP/1.1\r\nHost: a\r\n\r\n", "\r\n\r\n", "\u{0}\u{0}\u{0}",
                    "POST /zulip HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n",
                ])
                return (Requests.zulip + Array(extra.utf8) + mutated(Requests.zulip), .zulipRequest)
            case 66..<98:
                return (mutated(Requests.zulip), .anything)
            case 98:
                let target = "/" + String(repeating: "a", count: HTTPLimits.requestLineBytes + below(4096))
                return (Requests.raw("POST \(target) HTTP/1.1", "Host: a"), .status(.uriTooLong))
            default:
                let value = String(repeating: "v", count: HTTPLimits.headBytes + below(4096))
                return (
                    Requests.raw("POST / HTTP/1.1", "Host: a", "X-Long: \(value)"),
                    .status(.requestHeaderFieldsTooLarge)
                )
            }
        }

        /// `bytes` with one to four random changes: a byte changed, put in, taken out or repeated, or the end cut.
        mutating func mutated(_ original: [UInt8]) -> [UInt8] {
            var bytes = original
            for _ in 0...below(4) where !bytes.isEmpty {
                let at = below(bytes.count)
                switch below(5) {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.insert(pick([0, 9, 10, 13, 32, 44, 45, 48, 58, 0xFF] as [UInt8]), at: at)
                case 2: bytes.remove(at: at)
                case 3:
                    let repeated = Array(bytes[at..<min(bytes.count, at + 1 + below(16))])
                    bytes.insert(contentsOf: repeated, at: at)
                default: bytes.removeLast(bytes.count - at)
                }
            }
            return bytes
        }

        /// Up to three places to split `bytes` at, in order.
        mutating func cuts(_ count: Int) -> [Int] {
            (0..<below(4)).map { _ in below(count + 1) }.sorted()
        }
    }

    @Test func hostileRequestsAreAnsweredOrRefusedAndLeaveTheNextRequestIntact() {
        var generator = Generator(random: SplitMix64(seed: 14))
        var failures: [String] = []
        for round in 0..<100_000 where failures.count < 10 {
            let (bytes, expected) = generator.hostile(round)
            let whole = Requests.parse(bytes)
            // One in ten drips in byte by byte, as a slow client sends.
            let cuts = round % 10 == 0 ? Array(0..<bytes.count) : generator.cuts(bytes.count)
            let split = Requests.parse(bytes, cuts: cuts)
            if split != whole { failures.append("round \(round): \(whole) whole, \(split) split") }
            switch (whole, expected) {
            case (.request(let request), .zulipRequest) where request == Requests.zulipRequest: break
            case (.request(let request), .anything) where request.body.count == bodyLength(request): break
            case (.refused(let status), .status(let wanted)) where status == wanted: break
            case (.refused(let status), .anything) where status.rawValue >= 400: break
            // Cut to nothing: a connection closed before a byte, with nothing to answer.
            case (.needMore, .anything) where bytes.isEmpty: break
            default: failures.append("round \(round): \(whole), expected \(expected)")
            }
            if Requests.parse(Requests.zulip) != .request(Requests.zulipRequest) {
                failures.append("round \(round): the valid request after it is not parsed right")
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    func bodyLength(_ request: HTTPRequest) -> Int {
        request.headers["Content-Length"].flatMap { Int($0) } ?? 0
    }
}
