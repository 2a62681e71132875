import Testing

@testable import SamtaleCore

// MARK: - Parsing

struct TargetGroupParsingTests {
    @Test(arguments: [
        ("bruger", ["bruger", "brugeren", "brugere", "brugerne"]),
        ("medarbejder", ["medarbejder", "medarbejderen", "medarbejdere", "medarbejderne"]),
        ("lærer", ["lærer", "læreren", "lærere", "lærerne"]),
        ("elev", ["elev", "eleven", "elever", "eleverne"]),
        ("patient", ["patient", "patienten", "patienter", "patienterne"]),
        ("kunde", ["kunde", "kunden", "kunder", "kunderne"]),
        ("  klient\t", ["klient", "klienten", "klienter", "klienterne"]),
        ("IT-medarbejder", ["IT-medarbejder", "IT-medarbejderen", "IT-medarbejdere", "IT-medarbejderne"]),
        ("LÆRER", ["LÆRER", "LÆREREN", "LÆRERE", "LÆRERNE"]),
        ("Bruger", ["Bruger", "Brugeren", "Brugere", "Brugerne"]),
    ])
    func singleWordIsInflected(spec: String, forms: [String]) throws {
        let group = try TargetGroup(parsing: spec)
        #expect([group.singular, group.singularDefinite, group.plural, group.pluralDefinite] == forms)
    }

    @Test func phraseIsUsedForAllForms() throws {
        let group = try TargetGroup(parsing: " ansatte i forvaltningen ")
        let phrase = "ansatte i forvaltningen"
        #expect(
            group == TargetGroup(singular: phrase, singularDefinite: phrase, plural: phrase, pluralDefinite: phrase))
    }

    @Test func fourFormsAreTakenAsGivenAndTrimmed() throws {
        let group = try TargetGroup(parsing: "barn, barnet ,børn,\tbørnene ")
        #expect(
            group
                == TargetGroup(singular: "barn", singularDefinite: "barnet", plural: "børn", pluralDefinite: "børnene"))
    }

    @Test(arguments: [
        ("", TargetGroupError.empty),
        ("   ", .empty),
        (" , ", .empty),
        (",,,", .empty),
        ("a,b", .wrongNumberOfForms(2)),
        ("a,b,c", .wrongNumberOfForms(3)),
        ("a,b,c,d,e", .wrongNumberOfForms(5)),
        ("a,,c,d", .emptyForm(position: 2)),
        (" ,b,c,d", .emptyForm(position: 1)),
        ("a,b,c, ", .emptyForm(position: 4)),
    ])
    func invalidSpecsAreRejected(spec: String, error: TargetGroupError) {
        #expect(throws: error) {
            try TargetGroup(parsing: spec)
        }
    }
}

// MARK: - Applying

struct TargetGroupApplyTests {
    static let borgerForms = [
        "borger", "borgeren", "borgere", "borgerne", "borgers", "borgerens", "borgeres", "borgernes",
    ]

    @Test(arguments: [
        ("bruger", ["bruger", "brugeren", "brugere", "brugerne", "brugers", "brugerens", "brugeres", "brugernes"]),
        ("elev", ["elev", "eleven", "elever", "eleverne", "elevs", "elevens", "elevers", "elevernes"]),
        ("kunde", ["kunde", "kunden", "kunder", "kunderne", "kundes", "kundens", "kunders", "kundernes"]),
        ("barn,barnet,børn,børnene", ["barn", "barnet", "børn", "børnene", "barns", "barnets", "børns", "børnenes"]),
        (
            "proces,processen,processer,processerne",
            ["proces", "processen", "processer", "processerne", "proces'", "processens", "processers", "processernes"]
        ),
        (
            "ansatte i forvaltningen",
            [
                "ansatte i forvaltningen", "ansatte i forvaltningen", "ansatte i forvaltningen",
                "ansatte i forvaltningen",
                "ansatte i forvaltningens", "ansatte i forvaltningens", "ansatte i forvaltningens",
                "ansatte i forvaltningens",
            ]
        ),
    ])
    func everyFormInEveryCaseIsReplaced(spec: String, expected: [String]) throws {
        let group = try TargetGroup(parsing: spec)
        for (borger, replacement) in zip(Self.borgerForms, expected) {
            #expect(group.apply(to: borger) == replacement)
            #expect(group.apply(to: capitalised(borger)) == capitalised(replacement))
            #expect(group.apply(to: borger.uppercased()) == replacement.uppercased())
        }
    }

    @Test func exampleFromTheDialogueCards() throws {
        let group = try TargetGroup(parsing: "bruger")
        let text = "Hvordan bidrager du til at inddrage borgeren i de gode løsninger? Borgernes ressourcer …"
        #expect(
            group.apply(to: text)
                == "Hvordan bidrager du til at inddrage brugeren i de gode løsninger? Brugernes ressourcer …")
    }

    @Test(arguments: [
        ("borgeren?", "brugeren?"),
        ("»borgerne«", "»brugerne«"),
        ("borgerens,", "brugerens,"),
        ("(borger)", "(bruger)"),
        ("\"Borgere\"", "\"Brugere\""),
        ("borger- og brugerinddragelse", "bruger- og brugerinddragelse"),
        ("med borgeren.\nBorgerne:", "med brugeren.\nBrugerne:"),
        ("borger borger", "bruger bruger"),
        ("3borgere", "3brugere"),
    ])
    func punctuationAroundAMatchIsKept(text: String, expected: String) throws {
        #expect(try TargetGroup(parsing: "bruger").apply(to: text) == expected)
    }

    @Test(arguments: [
        "borgerrepræsentationen",
        "borgerrepræsentanter",
        "medborger",
        "Borgerservice",
        "BORGERSERVICE",
        "medborgerskab",
        "æborger",
        "borgerø",
        "borgerne\u{301}",
        "Hvad skaber værdi for medborgerne i borgerrådgiverens arbejde?",
    ])
    func compoundsAreLeftAlone(text: String) throws {
        #expect(try TargetGroup(parsing: "bruger").apply(to: text) == text)
    }

    @Test(arguments: [
        "",
        "Hvordan skaber vi en kultur med tillid?",
        "Borg er ikke et ord, men Borgen er",
        "Æ ø å – 👍🏽 e\u{301}",
    ])
    func textWithoutBorgerIsUnchanged(text: String) throws {
        #expect(try TargetGroup(parsing: "elev").apply(to: text) == text)
    }

    @Test func groupGivenCapitalisedStaysCapitalised() throws {
        let group = try TargetGroup(parsing: "Bruger")
        #expect(group.apply(to: "til borgeren") == "til Brugeren")
    }

    private func capitalised(_ word: String) -> String {
        (word.first.map { $0.uppercased() } ?? "") + word.dropFirst()
    }
}
