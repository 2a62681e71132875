import Testing

@testable import WebhookAdapter

@Suite struct PlatformTests {
    @Test func everyPlatformHasAName() {
        #expect(Set(Platform.allCases.map(\.displayName)).count == Platform.allCases.count)
    }
}
