import Testing

@testable import SamtaleCore

/// State tokens: signed, expiring, and checked whole like a session file.
@Suite struct SessionTokenTests {
    let key = Array("token-key".utf8)
    let made = Timestamp(iso: "2026-11-26T09:00:00+01:00")!

    func session() throws -> Session {
        try ExportGoldenTests.session("energizer")
    }

    func token(expiresAfter seconds: Int64 = SessionToken.defaultLifetime) throws -> String {
        let sealed = try session()
        return SessionToken.seal(
            sealed, key: key,
            expires: Timestamp(secondsSinceEpoch: made.secondsSinceEpoch + seconds))
    }

    @Test func aTokenOpensUntilItExpires() throws {
        let token = try token()
        let lastSecond = Timestamp(secondsSinceEpoch: made.secondsSinceEpoch + SessionToken.defaultLifetime - 1)
        #expect(try SessionToken.open(token, key: key, now: made) == session())
        #expect(try SessionToken.open(token, key: key, now: lastSecond) == session())
        let expiry = Timestamp(secondsSinceEpoch: made.secondsSinceEpoch + SessionToken.defaultLifetime)
        #expect(throws: SessionToken.Failure.expired) { try SessionToken.open(token, key: key, now: expiry) }
    }

    /// The expiry is signed with the rest: moving it on makes the token another one, which the key did not sign.
    @Test func aMovedExpiryIsRefused() throws {
        let token = try token(expiresAfter: 60)
        let parts = token.split(separator: ".").map(String.init)
        let later = [parts[0], String(Int64(parts[1])! + 86_400 * 365), parts[2], parts[3]].joined(separator: ".")
        #expect(throws: SessionToken.Failure.badSignature) { try SessionToken.open(later, key: key, now: made) }
    }

    @Test func tokensOfAnotherKeyOrVersionAreRefused() throws {
        let token = try token()
        #expect(throws: SessionToken.Failure.badSignature) {
            try SessionToken.open(token, key: Array("another key".utf8), now: made)
        }
        let parts = token.split(separator: ".").map(String.init)
        // An earlier release's token (v1.PAYLOAD.SIGNATURE) never expired: it is not taken.
        #expect(throws: SessionToken.Failure.malformed) {
            try SessionToken.open(["v1", parts[2], parts[3]].joined(separator: "."), key: key, now: made)
        }
        #expect(throws: SessionToken.Failure.malformed) { try SessionToken.open("v2.", key: key, now: made) }
    }

    /// A token signed with the right key yet holding a session the state machine cannot walk (a position past the end
    /// of its script) is refused as damaged, never opened into a crash; `ProtocolMessagesTests` has its message.
    @Test func aSignedTokenWithAnImpossiblePositionIsDamaged() throws {
        let json = try JSONParser.parse(try session().encoded())
        let outside = try JSONParser.parse(Array(#"{"type":"waiting","at":{"type":"question","step":9999}}"#.utf8))
        let token = signed(payload: JSONWriter.string(json.replacing(["state"], with: outside)))
        #expect(throws: SessionToken.Failure.damaged(.damaged(.positionOutsideScript(path: "state.at")))) {
            try SessionToken.open(token, key: key, now: made)
        }
    }

    /// A token made before the session record holds its session in that release's shape: it opens as that session.
    @Test func aTokenFromBeforeTheRecordStillOpens() throws {
        let token = signed(payload: try SessionMigrationTests.fixture("active-team"))
        #expect(try SessionToken.open(token, key: key, now: made) == SessionMigrationTests.migrated("active-team"))
    }

    /// A token of `payload` signed with the key, valid for a minute after `made`.
    private func signed(payload: String) -> String {
        let signed = "v2." + String(made.secondsSinceEpoch + 60) + "." + Base64URL.encode(Array(payload.utf8))
        return signed + "." + Base64URL.encode(HMACSHA256.authenticationCode(for: Array(signed.utf8), key: key))
    }
}
