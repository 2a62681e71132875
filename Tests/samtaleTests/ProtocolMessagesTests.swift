import SamtaleCore
import Testing

@testable import JSONLinesAdapter

/// The protocol's own messages: each error names its code and says its message, wholly in the interface language.
@Suite struct ProtocolMessagesTests {
    static let id = SessionID(validating: "0000000000000000000000000a")!
    static let seesaw = Localized(da: "Vippebrættet", en: "The seesaw")
    static let acrossLevels = Localized(da: "Dialog på tværs af niveauer", en: "Dialogue across levels")

    @Test func aTokenWithAnImpossiblePositionSaysWhereItIsDamaged() {
        let error = ProtocolError.token(.damaged(.damaged(.positionOutsideScript(path: "state.at"))))
        #expect(error.code == .damagedSession)
        #expect(
            error.message.en == "the state token is damaged (the field \"state.at\" points to a "
                + "place that does not exist in the conversation)")
    }

    /// The errors that come from the core keep their own words under the protocol's codes, rather than a text of
    /// the protocol's own.
    @Test func errorsFromTheCoreKeepTheirMessages() {
        let name = NameError.unknown(.deck, "zz", candidates: [.init(id: "kolding", name: Localized(da: "K", en: "K"))])
        let cases: [(ProtocolError, ProtocolError.Code, Localized)] = [
            (.name(name), .unknownName, name.message),
            (.start(.name(name)), .unknownName, name.message),
            (.prompt(.name(name)), .unknownName, name.message),
            (.start(.noDeck(flow: Self.seesaw)), .invalidSetup, StartError.noDeck(flow: Self.seesaw).message),
            (
                .start(.setup(.deckHasOneLevel(flow: Self.acrossLevels, deck: "kolding"))), .invalidSetup,
                ExpansionError.deckHasOneLevel(flow: Self.acrossLevels, deck: "kolding").message
            ),
            (.store(.busy(Self.id)), .sessionBusy, SessionStoreError.busy(Self.id).message),
            (
                .store(.cannotWrite(path: "/s/x.json", code: 28)), .cannotSave,
                SessionStoreError.cannotWrite(path: "/s/x.json", code: 28).message
            ),
            (
                .store(.tooLarge(path: "/s/x.json", size: 1 << 30)), .damagedSession,
                SessionStoreError.tooLarge(path: "/s/x.json", size: 1 << 30).message
            ),
        ]
        for (error, code, message) in cases {
            #expect(error.code == code, "\(error)")
            #expect(error.message == message, "\(error)")
        }
    }

    @Test func aSessionTheStoreCannotFindIsUnknownInTheProtocolsWords() {
        let error = ProtocolError.store(.notFound(Self.id))
        #expect(error.code == .unknownSession)
        #expect(error.message == ProtocolError.unknownSession(Self.id).message)
        #expect(error.message.da == "der er ingen samtale 0000000000000000000000000a")
    }

    @Test func aMissingFieldListsItsChoicesOnlyWhenThereAreSome() {
        #expect(ProtocolError.missingField("flow").message.da == "feltet »flow« mangler")
        #expect(
            ProtocolError.missingField("theme", options: ["a", "b"]).message.en
                == "the field \"theme\" is missing; choose one of: a, b")
    }
}
