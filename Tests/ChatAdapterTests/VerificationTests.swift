import Foundation
import SamtaleCore
import Testing

@testable import ChatAdapter

@Suite struct VerificationTests {
    @Test(arguments: PlatformRequests.all)
    func acceptsEachPlatformsOwnRequest(file: String, platform: ChatPlatform) throws {
        let request = try PlatformRequests.request(file)
        #expect(try PlatformRequests.verifier(platform).verified(request, now: PlatformRequests.now) != nil)
    }

    /// Any of several secrets verifies, so a secret can be rotated without a moment of failed requests.
    @Test(arguments: PlatformRequests.all)
    func acceptsAnyOfSeveralSecrets(file: String, platform: ChatPlatform) throws {
        let request = try PlatformRequests.request(file)
        let other = platform == .teams ? Base64.encode(Array(repeating: 7, count: 32)) : "an-older-secret"
        let verifier = try PlatformRequests.verifier(platform, extraSecrets: [other])
        #expect(verifier.verified(request, now: PlatformRequests.now) != nil)
    }

    @Test(arguments: PlatformRequests.all)
    func refusesAnotherSecret(file: String, platform: ChatPlatform) throws {
        let request = try PlatformRequests.request(file)
        let other = platform == .teams ? Base64.encode(Array(repeating: 7, count: 32)) : "another-secret"
        let verifier = try ChatVerifier(platform: platform, secrets: [other])
        #expect(verifier.verified(request, now: PlatformRequests.now) == nil)
    }

    /// A signature covers the raw body: one changed letter of it (the author's name) fails it. A token covers
    /// nothing, so the token platforms have only `refusesAnotherSecret`.
    @Test(arguments: [
        ("teams-mention", ChatPlatform.teams, "Tim Jones"), ("slack-worked-example", .slack, "roadrunner"),
        ("slack-command", .slack, "start+self"),
    ])
    func refusesABodyChangedAfterSigning(file: String, platform: ChatPlatform, signedText: String) throws {
        let request = try PlatformRequests.request(file)
        let changed = request.withBody { $0.replacingOccurrences(of: signedText, with: signedText.uppercased()) }
        #expect(changed.body != request.body)
        #expect(changed.body.count == request.body.count)
        let now = Timestamp(secondsSinceEpoch: 1_531_420_618)
        #expect(try PlatformRequests.verifier(platform).verified(changed, now: now) == nil)
        #expect(try PlatformRequests.verifier(platform).verified(request, now: now) != nil)
    }

    // MARK: Teams

    @Test func teamsTakesTheHMACOfTheRawBodyKeyedWithTheDecodedToken() throws {
        let request = try PlatformRequests.request("teams-mention")
        let key = try #require(Base64.decode(PlatformRequests.secrets[.teams]!))
        let expected = "HMAC " + Base64.encode(HMACSHA256.authenticationCode(for: request.body, key: key))
        #expect(request.headers.contains { $0.name == "Authorization" && $0.value == expected })
    }

    @Test(arguments: [
        nil, "", "HMAC", "Bearer abc", "HMAC not-base64!", "HMAC " + Base64.encode(Array(repeating: 0, count: 31)),
    ])
    func teamsRefusesAMissingOrMalformedAuthorization(value: String?) throws {
        let request = try PlatformRequests.request("teams-mention").setting("Authorization", to: value)
        #expect(try PlatformRequests.verifier(.teams).verified(request, now: PlatformRequests.now) == nil)
    }

    @Test func teamsRefusesTwoAuthorizationHeaders() throws {
        let request = try PlatformRequests.request("teams-mention")
        let doubled = ChatRequest(headers: request.headers + [("authorization", "HMAC x")], body: request.body)
        #expect(try PlatformRequests.verifier(.teams).verified(doubled, now: PlatformRequests.now) == nil)
    }

    @Test func teamsTakesTheSchemeInAnyCase() throws {
        let request = try PlatformRequests.request("teams-mention")
        let value = try #require(request.headers.first { $0.name == "Authorization" }?.value)
        let lower = request.setting("authorization", to: "hmac" + value.dropFirst(4))
        #expect(try PlatformRequests.verifier(.teams).verified(lower, now: PlatformRequests.now) != nil)
    }

    @Test func aTeamsTokenMustBeBase64() {
        #expect(throws: ChatSecretError.teamsTokenNotBase64) {
            try ChatVerifier(platform: .teams, secrets: ["not base64"])
        }
    }

    @Test(arguments: ChatPlatform.allCases)
    func verificationCannotBeLeftOut(platform: ChatPlatform) {
        #expect(throws: ChatSecretError.missing(platform)) { try ChatVerifier(platform: platform, secrets: []) }
        #expect(throws: (any Error).self) { try ChatVerifier(platform: platform, secrets: [""]) }
    }

    // MARK: Slack

    /// Slack's published worked example: the signing secret, timestamp and body give Slack's signature.
    @Test func slackWorkedExampleIsAKnownAnswer() throws {
        let request = try PlatformRequests.request("slack-worked-example")
        let signed = Array("v0:1531420618:".utf8) + request.body
        let code = HMACSHA256.authenticationCode(for: signed, key: Array("8f742231b10e8888abcd99yyyzzz85a5".utf8))
        let hex = code.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        #expect("v0=" + hex.joined() == "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")
        let verified = try PlatformRequests.verifier(.slack).verified(
            request, now: Timestamp(secondsSinceEpoch: 1_531_420_618))
        #expect(verified?.signedAt == Timestamp(secondsSinceEpoch: 1_531_420_618))
    }

    @Test(arguments: [-300, 0, 300] as [Int64])
    func slackTakesATimestampWithinFiveMinutes(offset: Int64) throws {
        let request = try PlatformRequests.request("slack-worked-example")
        let now = Timestamp(secondsSinceEpoch: 1_531_420_618 + offset)
        #expect(try PlatformRequests.verifier(.slack).verified(request, now: now) != nil)
    }

    @Test(arguments: [-301, 301, 86_400] as [Int64])
    func slackRefusesAStaleTimestamp(offset: Int64) throws {
        let request = try PlatformRequests.request("slack-worked-example")
        let now = Timestamp(secondsSinceEpoch: 1_531_420_618 + offset)
        #expect(try PlatformRequests.verifier(.slack).verified(request, now: now) == nil)
    }

    /// The timestamp is signed: one moved into the window no longer matches the signature.
    @Test(arguments: ["1531420619", "01531420618", "1531420618 ", "+1531420618", "", "1.5e9"])
    func slackRefusesAnotherTimestamp(timestamp: String) throws {
        let request = try PlatformRequests.request("slack-worked-example")
            .setting("X-Slack-Request-Timestamp", to: timestamp)
        let now = Timestamp(secondsSinceEpoch: 1_531_420_618)
        let result = try PlatformRequests.verifier(.slack).verified(request, now: now)
        // A trailing space is not part of a header's value, so that one is the same timestamp.
        #expect((result != nil) == (timestamp == "1531420618 "))
    }

    @Test(arguments: [
        nil, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
        "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
        "v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503",
        "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5", "v0=",
    ])
    func slackRefusesAMissingOrMalformedSignature(signature: String?) throws {
        let request = try PlatformRequests.request("slack-worked-example").setting("X-Slack-Signature", to: signature)
        let now = Timestamp(secondsSinceEpoch: 1_531_420_618)
        #expect(try PlatformRequests.verifier(.slack).verified(request, now: now) == nil)
    }

    // MARK: Tokens

    @Test func mattermostChecksTheAuthorizationHeaderAndTheBody() throws {
        let request = try PlatformRequests.request("mattermost-command")
        let verifier = try PlatformRequests.verifier(.mattermost)
        #expect(verifier.verified(request.setting("Authorization", to: nil), now: PlatformRequests.now) != nil)
        #expect(
            verifier.verified(request.setting("Authorization", to: "Token wrong"), now: PlatformRequests.now) == nil)
        #expect(verifier.verified(request.setting("Authorization", to: "Bearer x"), now: PlatformRequests.now) == nil)
        let bodyWithoutToken = request.withBody {
            $0.replacingOccurrences(of: "&token=" + PlatformRequests.secrets[.mattermost]!, with: "")
        }
        #expect(verifier.verified(bodyWithoutToken, now: PlatformRequests.now) != nil)
        #expect(
            verifier.verified(bodyWithoutToken.setting("Authorization", to: nil), now: PlatformRequests.now) == nil)
    }

    @Test(arguments: [("zulip-mention", ChatPlatform.zulip), ("rocketchat-thread", .rocketchat)])
    func tokenPlatformsRefuseAMissingTokenOrAnAuthorizationHeader(file: String, platform: ChatPlatform) throws {
        let request = try PlatformRequests.request(file)
        let verifier = try PlatformRequests.verifier(platform)
        let secret = PlatformRequests.secrets[platform]!
        let withoutToken = request.withBody { $0.replacingOccurrences(of: "\"token\"", with: "\"tokens\"") }
        #expect(verifier.verified(withoutToken, now: PlatformRequests.now) == nil)
        let numberToken = request.withBody { $0.replacingOccurrences(of: "\"\(secret)\"", with: "12") }
        #expect(verifier.verified(numberToken, now: PlatformRequests.now) == nil)
        let prefixOnly = request.withBody { $0.replacingOccurrences(of: secret, with: String(secret.dropLast())) }
        #expect(verifier.verified(prefixOnly, now: PlatformRequests.now) == nil)
        #expect(
            verifier.verified(request.setting("Authorization", to: "Token " + secret), now: PlatformRequests.now) == nil
        )
        #expect(verifier.verified(request.withBody { _ in "not json" }, now: PlatformRequests.now) == nil)
    }

    // MARK: Hostile bodies

    /// A signed body that is no message is let through by verification, then refused as unreadable: the signature
    /// is checked on the bytes, the parsing comes after.
    @Test func aSignedBodyThatIsNoMessageIsRefusedWhenRead() throws {
        let body = Array("not json".utf8)
        let key = try #require(Base64.decode(PlatformRequests.secrets[.teams]!))
        let code = Base64.encode(HMACSHA256.authenticationCode(for: body, key: key))
        let request = ChatRequest(headers: [("Authorization", "HMAC " + code)], body: body)
        let verified = try #require(try PlatformRequests.verifier(.teams).verified(request, now: PlatformRequests.now))
        #expect(throws: ChatPayloadError.unreadable(.teams)) { try ChatMessage(verified) }
    }

    /// Bodies with random bytes changed, cut or added: no crash, no signed body verifies once changed, and a message
    /// is read or refused with a reason.
    @Test(arguments: PlatformRequests.all)
    func mutatedBodiesNeverCrash(file: String, platform: ChatPlatform) throws {
        let request = try PlatformRequests.request(file)
        let verifier = try PlatformRequests.verifier(platform)
        var generator = SplitMix64(seed: 14)
        for _ in 0..<300 {
            var body = request.body
            let index = Int.random(in: 0..<body.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: body[index] = UInt8.random(in: 0...255, using: &generator)
            case 1: body.removeSubrange(index...)
            default: body.insert(contentsOf: [0x00, 0x0D, 0xFF, 0x22, 0x25], at: index)
            }
            let mutated = ChatRequest(headers: request.headers, body: body)
            guard let verified = verifier.verified(mutated, now: PlatformRequests.now) else { continue }
            if platform == .teams || platform == .slack { #expect(body == request.body) }
            _ = try? ChatMessage(verified)
        }
    }
}
