import SamtaleCore
import Testing

@testable import WebhookAdapter

/// What a platform's answer means: every code and status in words, none left to a fall-through.
@Suite struct PlatformReasonTests {
    @Test(arguments: [0, 99, 102, 600, 999])
    func aStatusNoStandardEndsAnExchangeWithIsAnUnexpectedAnswer(status: Int) {
        #expect(StatusMeaning(status: status) == .unexpected)
        #expect(
            StatusMeaning(status: status).message
                == Localized(da: "et uventet svar fra serveren", en: "an unexpected answer from the server"))
    }

    @Test func everyPlatformCodeIsExplainedAndTheFirstInOrderWins() {
        for code in PlatformErrorCode.allCases {
            #expect(PlatformErrorCode.first(in: "error: \(code.rawValue)") == code)
            #expect(!code.meaning.da.isEmpty && code.meaning.da != code.meaning.en, "\(code)")
        }
        #expect(PlatformErrorCode.first(in: "invalid_payload no_service") == .noService)
        #expect(PlatformErrorCode.first(in: "ok") == nil)
    }
}
