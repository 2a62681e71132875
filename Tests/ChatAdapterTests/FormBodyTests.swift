import Testing

@testable import ChatAdapter

@Suite struct FormBodyTests {
    @Test func decodesPlusAndPercentEscapes() throws {
        let form = try #require(FormBody(Array("text=start+1%3A1+%C3%B8&command=%2Fsamtale&empty=&bare".utf8)))
        #expect(form.value("text") == "start 1:1 ø")
        #expect(form.value("command") == "/samtale")
        #expect(form.value("empty") == "")
        #expect(form.value("bare") == "")
        #expect(form.value("missing") == nil)
    }

    @Test func keepsAnEscapedAmpersandEqualsAndPlusInTheValue() throws {
        let form = try #require(FormBody(Array("text=a%26b%3Dc%2Bd&x=1".utf8)))
        #expect(form.value("text") == "a&b=c+d")
        #expect(form.fields.count == 2)
    }

    @Test func aNameGivenTwiceHasNoValue() throws {
        let form = try #require(FormBody(Array("token=a&token=b".utf8)))
        #expect(form.value("token") == nil)
    }

    @Test func emptyBodyHasNoFields() throws {
        #expect(try #require(FormBody([])).fields.isEmpty)
        #expect(try #require(FormBody(Array("&&".utf8))).fields.isEmpty)
    }

    @Test(arguments: ["text=%", "text=%4", "text=%zz", "text=%C3", "text=%FF", "%C3%28=x"])
    func refusesBrokenEscapesAndBytesThatAreNotUTF8(body: String) {
        #expect(FormBody(Array(body.utf8)) == nil)
    }

    @Test func decodesUpperAndLowerCaseHex() throws {
        #expect(try #require(FormBody(Array("a=%c3%b8%C3%B8".utf8))).value("a") == "øø")
    }
}
