import Foundation
import SamtaleCore

@testable import ChatAdapter

/// The requests of `Fixtures/` (see its README) and the secrets they verify with.
enum PlatformRequests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let secrets: [ChatPlatform: String] = [
        .teams: "vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=",
        .slack: "8f742231b10e8888abcd99yyyzzz85a5",
        .mattermost: "xr3j5x3p4pfjpeymk6tmm3pdjo",
        .zulip: "xvOzfurIutdRRVLzpXrIIHXJvNfaJLJ0",
        .rocketchat: "9TrbTF3ccwENEr8ib2aQ5oqS",
    ]

    /// Each fixture with the platform that sends it.
    static let all: [(file: String, platform: ChatPlatform)] = [
        ("teams-mention", .teams), ("teams-thread-reply", .teams),
        ("slack-worked-example", .slack), ("slack-command", .slack),
        ("mattermost-command", .mattermost), ("mattermost-outgoing", .mattermost),
        ("zulip-mention", .zulip), ("zulip-direct", .zulip),
        ("rocketchat-thread", .rocketchat),
    ]

    /// A moment shortly after the Slack fixtures were signed; the other platforms' verification takes no time.
    static let now = Timestamp(secondsSinceEpoch: 1_531_420_718)

    /// The request in `Fixtures/<name>.http`: header lines, an empty line, the body.
    static func request(_ name: String) throws -> ChatRequest {
        let bytes = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent(name + ".http")))
        let separator: [UInt8] = Array("\n\n".utf8)
        guard let split = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        let headers = String(decoding: bytes[..<split], as: UTF8.self).split(separator: "\n").map { line in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (name: String(parts[0]), value: String(parts[1]).trimmingWhitespace)
        }
        return ChatRequest(headers: headers, body: Array(bytes[(split + 2)...]))
    }

    static func verifier(_ platform: ChatPlatform, extraSecrets: [String] = []) throws -> ChatVerifier {
        try ChatVerifier(platform: platform, secrets: extraSecrets + [secrets[platform]!])
    }

    /// The message of a fixture, verified with its platform's secret.
    static func message(_ name: String, _ platform: ChatPlatform) throws -> ChatMessage {
        let request = try request(name)
        guard let verified = try verifier(platform).verified(request, now: now) else {
            throw CocoaError(.coderInvalidValue)
        }
        return try ChatMessage(verified)
    }

    /// The message of a fixture whose body `change` rewrote, signed again where the platform signs the body (Teams).
    static func message(
        _ name: String, _ platform: ChatPlatform, changing change: (String) -> String
    ) throws -> ChatMessage {
        var request = try request(name).withBody(change)
        if platform == .teams, let key = Base64.decode(secrets[.teams]!) {
            let code = Base64.encode(HMACSHA256.authenticationCode(for: request.body, key: key))
            request = request.setting("Authorization", to: "HMAC " + code)
        }
        guard let verified = try verifier(platform).verified(request, now: now) else {
            throw CocoaError(.coderInvalidValue)
        }
        return try ChatMessage(verified)
    }
}

extension ChatRequest {
    /// This request with `name` set to `value` (added when missing), or removed when `value` is nil.
    func setting(_ name: String, to value: String?) -> ChatRequest {
        var headers = headers.filter { $0.name.lowercased() != name.lowercased() }
        if let value { headers.append((name, value)) }
        return ChatRequest(headers: headers, body: body)
    }

    /// This request with its body changed after it was signed.
    func withBody(_ change: (String) -> String) -> ChatRequest {
        ChatRequest(headers: headers, body: Array(change(String(decoding: body, as: UTF8.self)).utf8))
    }
}
