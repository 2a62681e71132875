import Foundation
import SamtaleCore
import Testing

/// `samtale talk` starts through the core's one path: whatever the flags get wrong is said before anything is asked,
/// in the words `serve` uses for the same mistake.
@Suite struct TalkStartTests {
    @Test(arguments: [
        (["--target-group", "a,b"], TargetGroupError.wrongNumberOfForms(2).message),
        (
            ["--flow", "seesaw", "--deck", "kolding"],
            ExpansionError.deckLacksSection(
                flow: Localized(da: "Vippebrættet", en: "The seesaw"), deck: "kolding-sammen-om-ledelse",
                section: .model
            ).message
        ),
        (["--flow", "zz"], NameError.unknown(.flow, "zz", candidates: []).message),
        (
            ["--flow", "team", "--role", "medarbejder", "--theme", "sammen sikrer", "--participants", "Ann, Bo, ann"],
            StartError.participants(.namedTwice("Ann")).message
        ),
    ])
    func aWrongFlagIsRefusedBeforeTheMenu(flags: [String], message: Localized) throws {
        let result = try Samtale.run(["talk"] + flags)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty, "asked: \(result.stdout)")
        let first = try #require(result.stderr.split(separator: "\n").first.map(String.init))
        // An unknown name goes on to list every flow there is, which the message made here leaves out.
        #expect(first.hasPrefix("samtale: " + message.da), "\(result.stderr)")
    }

    /// Input that ends before the setup is complete starts nothing, and says so in a whole sentence.
    @Test func inputThatEndsDuringSetupStartsNothing() throws {
        let result = try Samtale.run(["talk"])
        #expect(result.status == 0)
        #expect(result.stderr.hasSuffix("samtale: ingen samtale er startet\n"), "\(result.stderr)")
    }

    /// The energizer's time box reads right for one minute as for many: "ca. 1 min.", never "1 minutter".
    @Test func theTimeBoxReadsRightForOneMinute() throws {
        let result = try Samtale.run([
            "talk", "--flow", "energizer", "--role", "chef", "--theme", "sammen styrker", "--minutes", "1",
        ])
        #expect(
            result.stdout.hasPrefix("Energizer: Sammen styrker vi resultaterne (ca. 1 min.)\n"),
            "\(result.stdout)")
    }
}
