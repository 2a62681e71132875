// MARK: - ExpansionError

/// Why a flow cannot run on a deck with a setup; each case says what to choose instead, and names the flow by its
/// title, as the reader knows it, never by its id.
public enum ExpansionError: ExplainedError, Equatable, Sendable {
    /// The deck lacks the section the flow is built on (the seesaw needs a deck with a `model`).
    case deckLacksSection(flow: Localized, deck: String, section: DeckSection.Kind)
    /// The flow pairs two levels, and the deck has fewer than two.
    case deckHasOneLevel(flow: Localized, deck: String)
    case wrongRoleCount(flow: Localized, expected: Int, given: Int)
    /// Two roles across levels must be two roles, on different levels, and neither a shared card set; roles are
    /// named as the deck names them.
    case sameRoleTwice(flow: Localized, role: String)
    case sameLevel(flow: Localized, roles: [String])
    case sharedAcrossLevels(flow: Localized, role: String)
    case wrongThemeCount(flow: Localized, expected: FlowSelection.Themes, given: Int)
    case tooFewParticipants(flow: Localized, needed: Int, given: Int)
    /// None of the chosen themes has a card for the chosen role; both named as the deck names them.
    case noCards(role: String, themes: [String])
}

extension ExpansionError {
    /// Why a flow cannot run as chosen, in words rather than option names: the JSON-lines protocol sends the same
    /// message, and its fields are named otherwise.
    public var message: Localized {
        switch self {
        case .deckLacksSection(let flow, let deck, let section):
            Localized(
                da:
                    "\(Strings.flowName(flow).da) kan ikke bruge kortsættet \(deck): den kræver et kortsæt med et afsnit "
                    + "af typen »\(section.rawValue)«, fx hjoerring-ledelse-af-kerneopgaven",
                en: "\(Strings.flowName(flow).en) cannot use deck \(deck): it needs a deck with a section of the kind "
                    + "\"\(section.rawValue)\", such as hjoerring-ledelse-af-kerneopgaven"
            )
        case .deckHasOneLevel(let flow, let deck):
            Localized(
                da:
                    "\(Strings.flowName(flow).da) kan ikke bruge kortsættet \(deck): det har kun ét niveau; vælg et kortsæt "
                    + "med roller på flere niveauer",
                en:
                    "\(Strings.flowName(flow).en) cannot use deck \(deck): it has only one level; choose a deck with roles on "
                    + "several levels"
            )
        case .wrongRoleCount(let flow, let expected, let given):
            Localized(
                da: "\(Strings.flowName(flow).da) kræver "
                    + "\(expected == 1 ? "én rolle" : "\(Strings.danishNumber(expected)) roller"), "
                    + "men \(Self.chosen(given, none: "en rolle").da)",
                en: "\(Strings.flowName(flow).en) needs \(expected == 1 ? "one role" : "\(expected) roles"), "
                    + "but \(Self.chosen(given, none: "en rolle").en)"
            )
        case .sameRoleTwice(let flow, let role):
            Self.needsTwoLevels(
                flow, but: Localized(da: "du har valgt »\(role)« to gange", en: "\"\(role)\" was chosen twice"))
        case .sameLevel(let flow, let roles):
            Self.needsTwoLevels(
                flow,
                but: Localized(
                    da: "\(Strings.titles(roles).da) er på samme niveau",
                    en: "\(Strings.titles(roles).en) are on the same level"))
        case .sharedAcrossLevels(let flow, let role):
            Self.needsTwoLevels(
                flow,
                but: Localized(
                    da: "»\(role)« hører ikke til ét bestemt niveau", en: "\"\(role)\" belongs to no one level"))
        case .wrongThemeCount(let flow, let expected, let given):
            expected == .one
                ? Localized(
                    da:
                        "\(Strings.flowName(flow).da) kræver præcis ét tema, men \(Self.chosen(given, none: "et tema").da)",
                    en:
                        "\(Strings.flowName(flow).en) needs exactly one theme, but \(Self.chosen(given, none: "et tema").en)"
                )
                : Localized(
                    da: "\(Strings.flowName(flow).da) kræver mindst ét tema",
                    en: "\(Strings.flowName(flow).en) needs at least one theme")
        case .tooFewParticipants(let flow, let needed, let given):
            Self.tooFewParticipants(flow: flow, needed: needed, given: given)
        case .noCards(let role, let themes):
            Localized(
                da: "rollen »\(role)« har ingen kort i \(themes.isEmpty ? "kortsættet" : Strings.titles(themes).da)"
                    + "; vælg en anden rolle eller et andet tema",
                en: "role \"\(role)\" has no card in \(themes.isEmpty ? "the deck" : Strings.titles(themes).en); "
                    + "choose another role or theme"
            )
        }
    }

    /// "du har valgt to" / "2 were chosen", for a count of roles or themes short of or beyond what a flow needs;
    /// `none` names in Danish what is missing ("du har ikke valgt et tema"): a bare "nogen" reads as "anyone".
    private static func chosen(_ count: Int, none: String) -> Localized {
        switch count {
        case 0: Localized(da: "du har ikke valgt \(none)", en: "none was chosen")
        case 1: Localized(da: "du har valgt én", en: "1 was chosen")
        default: Localized(da: "du har valgt \(Strings.danishNumber(count))", en: "\(count) were chosen")
        }
    }

    /// "samtaleformen »…« kræver to roller på hvert sit niveau, men …", for the ways two roles can fail that.
    private static func needsTwoLevels(_ flow: Localized, but reason: Localized) -> Localized {
        Localized(
            da: "\(Strings.flowName(flow).da) kræver to roller på hvert sit niveau, men \(reason.da)",
            en: "\(Strings.flowName(flow).en) needs two roles on different levels, but \(reason.en)")
    }

    /// Shows the participants by example (Ann, Bo for two), from two to four, so that the message says what is
    /// meant; one name alone is no example of a list. The names are separated by commas as `--participants` takes
    /// them ("Ann og Bo" would be one name), which reads as a list in the protocol's words too.
    private static func tooFewParticipants(flow: Localized, needed: Int, given: Int) -> Localized {
        let names = ["Ann", "Bo", "Cai", "Dorte"].prefix(needed).joined(separator: ", ")
        let example =
            (2...4).contains(needed)
            ? Localized(
                da: "; skriv navnene adskilt med komma, fx »\(names)«",
                en: "; write the names separated by commas, such as \"\(names)\"")
            : Localized(da: "", en: "")
        let counted =
            needed == 1
            ? Localized(da: "én deltager", en: "one participant")
            : Localized(da: "\(Strings.danishNumber(needed)) deltagere", en: "\(needed) participants")
        let present =
            given == 0
            ? Localized(da: "der er ingen", en: "there are none")
            : Localized(
                da: "der er kun \(given == 1 ? "én" : Strings.danishNumber(given))",
                en: given == 1 ? "there is only 1" : "there are only \(given)")
        return Localized(
            da: "\(Strings.flowName(flow).da) kræver mindst \(counted.da), men \(present.da)\(example.da)",
            en: "\(Strings.flowName(flow).en) needs at least \(counted.en), but \(present.en)\(example.en)")
    }
}

// MARK: - Expansion

extension Flow {
    /// Why this flow cannot use the deck at all, whatever is chosen in it; nil when it can.
    public func unsupportedReason(deck: Deck) -> ExpansionError? {
        if let requiredSection, !deck.sections.contains(where: { $0.kind == requiredSection }) {
            return .deckLacksSection(flow: title, deck: deck.id, section: requiredSection)
        }
        if selection.roles == 2, Set(deck.roles.map(\.level).filter { $0 != Role.sharedLevel }).count < 2 {
            return .deckHasOneLevel(flow: title, deck: deck.id)
        }
        return nil
    }

    /// The script of this flow over the deck and setup: pure, so the same input gives the same script. The venue
    /// chooses the texts that differ between a terminal and chat (`{record}`).
    public func expand(
        over deck: Deck, setup: ConversationSetup, in venue: Venue = .terminal
    ) throws(ExpansionError) -> Script {
        if let reason = unsupportedReason(deck: deck) { throw reason }
        let roles = setup.roles.compactMap(deck.role(id:))
        guard roles.count == selection.roles, roles.count == setup.roles.count else {
            throw .wrongRoleCount(flow: title, expected: selection.roles, given: setup.roles.count)
        }
        if roles.count == 2 {
            if let shared = roles.first(where: { $0.level == Role.sharedLevel }) {
                throw .sharedAcrossLevels(flow: title, role: shared.name)
            }
            if roles[0].id == roles[1].id { throw .sameRoleTwice(flow: title, role: roles[0].name) }
            if roles[0].level == roles[1].level { throw .sameLevel(flow: title, roles: roles.map(\.name)) }
        }
        guard setup.participants.count >= selection.participants else {
            throw .tooFewParticipants(flow: title, needed: selection.participants, given: setup.participants.count)
        }
        let chosen = setup.themes.compactMap(deck.theme(id:))
        switch selection.themes {
        case .one where chosen.count != 1, .some where chosen.isEmpty:
            throw .wrongThemeCount(flow: title, expected: selection.themes, given: chosen.count)
        default:
            break
        }
        // A form of leadership stands for its sub-themes; only themes with a card for the (first) role take part.
        let wanted =
            chosen.isEmpty
            ? Set(deck.themes.map(\.id))
            : chosen.reduce(into: Set<String>()) {
                $0.formUnion(deck.themeIDs(within: $1))
            }
        let themes = deck.themes.filter { theme in
            wanted.contains(theme.id) && deck.cards.contains { $0.role == roles[0].id && $0.theme == theme.id }
        }
        guard !themes.isEmpty else { throw .noCards(role: roles[0].name, themes: chosen.map(\.name)) }

        var expander = Expander(flow: self, deck: deck, setup: setup, venue: venue, roles: roles, themes: themes)
        let steps = expander.expand(steps, theme: nil)
        return Script(
            flowID: id, title: title[setup.language], deckTitle: deck.title, organisation: deck.organisation,
            source: deck.citation, roleNames: roles.map(\.name), themeNames: themes.map(\.name),
            participants: setup.participants, records: records, confirmation: confirmation, steps: steps,
            timeBox: expander.timeBox
        )
    }
}

/// Expands flow steps into script steps, numbering the asks as it goes.
private struct Expander {
    let flow: Flow
    let deck: Deck
    let setup: ConversationSetup
    let venue: Venue
    let roles: [Role]
    let themes: [Theme]
    private var askCount = 0
    /// The setup's minutes once a text of the flow has named them: the flow then suggests a time box.
    private(set) var timeBox: Int?

    init(flow: Flow, deck: Deck, setup: ConversationSetup, venue: Venue, roles: [Role], themes: [Theme]) {
        self.flow = flow
        self.deck = deck
        self.setup = setup
        self.venue = venue
        self.roles = roles
        self.themes = themes
    }

    mutating func expand(_ steps: [FlowStep], theme: Theme?) -> [ScriptStep] {
        steps.flatMap { expand($0, theme: theme) }
    }

    private mutating func expand(_ step: FlowStep, theme: Theme?) -> [ScriptStep] {
        switch step {
        case .say(let text):
            return [.say(fill(text, theme: theme))]
        case .heading(let text):
            return [.heading(fill(text, theme: theme))]
        case .forEachTheme(let steps):
            return themes.flatMap { expand(steps, theme: $0) }
        case .inSeries(let steps):
            return setup.with == nil ? [] : expand(steps, theme: theme)
        case .statements:
            return cards(theme: theme, role: roles[0]).map { card in
                .card(
                    heading: card.heading.map(substitute), statements: card.statements.map(substitute),
                    quotes: card.quotes.map(substitute))
            }
        case .questions(let audience, let limit, let askedByParticipants, let alternate, let optional):
            // Across levels the two roles' questions alternate, each put by the other role.
            let sides = alternate ? roles : [roles[0]]
            let picks = sides.map { role in
                pick(cards(theme: theme, role: role).flatMap { deck.questions(on: $0, for: audience) }, limit: limit)
            }
            let asked = inTurn(picks.map(\.kept))
            let offered = limit?.offersRest == true ? inTurn(picks.map(\.rest)) : []
            var asks: [Ask] = []
            var previous: Question?
            var offer: String?
            for (index, (question, side)) in (asked + offered).enumerated() {
                if index == asked.count {
                    let id = nextID()
                    asks.append(moreQuestions(offered.map(\.question), id: id, theme: theme))
                    offer = id
                }
                let askedBy =
                    alternate
                    ? roles[1 - side].name
                    : askedByParticipants && !setup.participants.isEmpty
                        ? setup.participants[index % setup.participants.count] : nil
                asks.append(ask(question, after: previous, optional: optional, askedBy: askedBy, offeredBy: offer))
                previous = question
            }
            return asks.map(ScriptStep.ask)
        case .energizers(let limit, let optional):
            // The theme chosen, as a form of leadership has its own; without any, the group's questions as before.
            let chosen = theme.map { [$0] } ?? setup.themes.compactMap(deck.theme(id:))
            let energizers = chosen.flatMap { theme in theme.energizers.map { (theme: theme, text: $0) } }
            guard !energizers.isEmpty else {
                return expand(
                    .questions(
                        audience: .group, limit: QuestionLimit(count: limit), askedByParticipants: false,
                        alternate: false, optional: optional),
                    theme: theme)
            }
            return pick(energizers, limit: QuestionLimit(count: limit)).kept.map { energizer in
                .ask(
                    Ask(
                        id: nextID(), text: substitute(energizer.text), optional: optional, purpose: .question,
                        theme: energizer.theme.name, origin: .samtale))
            }
        case .sharedTask(let id, let text, let optional):
            guard let group = roles[0].group, !group.tasks.isEmpty else { return [] }
            return [
                .card(
                    heading: substitute("\(group.name) · \(group.heading)"), statements: group.tasks.map(substitute),
                    quotes: []),
                // Filed under the conversation's theme when it has one, as the question ties the task to it.
                .ask(
                    Ask(
                        id: id, text: fill(text, theme: theme), optional: optional, purpose: .reflection,
                        theme: theme?.name ?? (themes.count == 1 ? themes[0].name : nil))),
            ]
        case .agreements(let text):
            return [.agreements(prompt: fill(text, theme: theme), theme: theme?.name)]
        case .ask(let id, let text, let optional, let section):
            return [
                .ask(
                    Ask(
                        id: id, text: fill(text, theme: theme), optional: optional, purpose: .reflection,
                        theme: section.map { fill($0, theme: theme) } ?? theme?.name))
            ]
        case .followUp(let checkIn, let agreement, let olderAgreement, let status):
            return followUp(checkIn: checkIn, agreement: agreement, olderAgreement: olderAgreement, status: status)
        case .nextDate(let id, let text):
            return [.ask(Ask(id: id, text: fill(text, theme: theme), optional: true, purpose: .nextDate))]
        case .rateStatements(let text, let example):
            return cards(theme: theme, role: roles[0]).filter { !$0.statements.isEmpty }.flatMap { card in
                areaHeading(card)
                    + card.statements.flatMap { statement -> [ScriptStep] in
                        let themeName = deck.theme(id: card.theme)?.name
                        let subject = substitute(statement)
                        return [
                            .ask(
                                Ask(
                                    id: nextID(), text: fill(text, theme: theme, statement: subject),
                                    kind: .scale(minimum: 1, maximum: 5), purpose: .statementRating, theme: themeName,
                                    subject: subject)),
                            .ask(
                                Ask(
                                    id: nextID(), text: fill(example, theme: theme, statement: subject), optional: true,
                                    purpose: .statementExample, theme: themeName, subject: subject)),
                        ]
                    }
            }
        case .ratePitfalls(let text):
            return cards(theme: theme, role: roles[0]).filter { !$0.pitfalls.isEmpty }.flatMap { card in
                areaHeading(card)
                    + card.pitfalls.map { pitfall -> ScriptStep in
                        let subject = substitute(pitfall)
                        return .ask(
                            Ask(
                                id: nextID(), text: fill(text, theme: theme, pitfall: subject),
                                kind: .scale(minimum: 1, maximum: 5), purpose: .pitfallRating,
                                theme: deck.theme(id: card.theme)?.name, subject: subject))
                    }
            }
        case .points(let id, let total, let text):
            return [
                .ask(
                    Ask(
                        id: id, text: fill(text, theme: theme), kind: .points(labels: themes.map(\.name), total: total),
                        purpose: .points))
            ]
        case .chart(let now, let needed):
            return [.chart(now: now, needed: needed, areas: themes.map(\.name))]
        case .gapQuestions(let now, let needed, let audience, let limit):
            let questions = themes.map { area in
                let picked = pick(
                    cards(theme: area, role: roles[0]).flatMap { deck.questions(on: $0, for: audience) },
                    limit: QuestionLimit(count: limit)
                ).kept
                // The conversation puts one of these two, as the gap goes, before the card's questions.
                let directions = [
                    (Ask.Purpose.moreAttention, Strings.moreAttention), (.lessAttention, Strings.lessAttention),
                ]
                .map { purpose, text in
                    Ask(
                        id: nextID(), text: text(area.name)[setup.language], optional: false,
                        purpose: purpose, theme: area.name)
                }
                return directions
                    + picked.indices.map { index in
                        ask(picked[index], after: index > 0 ? picked[index - 1] : nil, optional: false, askedBy: nil)
                    }
            }
            return [.gapQuestions(now: now, needed: needed, areas: themes.map(\.name), questions: questions)]
        case .summary:
            return [.summary]
        }
    }

    // MARK: Parts

    /// The competence area a card's ratings belong to, as a heading before them, and the card's own heading where it
    /// says more than the area's name ("Mit bidrag til SAMMEN SIKRER VI DRIFTEN").
    private func areaHeading(_ card: Card) -> [ScriptStep] {
        guard let area = deck.theme(id: card.theme)?.name else { return [] }
        guard let own = card.heading.map(substitute), own.lowercased() != area.lowercased() else {
            return [.heading(area)]
        }
        return [.heading(area), .card(heading: own, statements: [], quotes: [])]
    }

    /// The role's cards on a theme, or on all chosen themes outside a theme loop.
    private func cards(theme: Theme?, role: Role) -> [Card] {
        let themeIDs = (theme.map { [$0] } ?? themes).map(\.id)
        return themeIDs.compactMap { id in deck.cards.first { $0.role == role.id && $0.theme == id } }
    }

    /// The questions of each side in turn, each with its side: the first of each, then the second of each, and so on.
    private func inTurn(_ lists: [[Question]]) -> [(question: Question, side: Int)] {
        (0..<(lists.map(\.count).max() ?? 0)).flatMap { index in
            lists.indices.filter { index < lists[$0].count }.map { (lists[$0][index], $0) }
        }
    }

    /// The offer of the questions beyond a limit, asked after the questions kept: yes or no, where an empty answer
    /// is no.
    private func moreQuestions(_ offered: [Question], id: String, theme: Theme?) -> Ask {
        var themeNames: [String] = []
        for question in offered {
            let name = deck.theme(id: question.card.theme)?.name ?? question.card.theme
            if !themeNames.contains(name) { themeNames.append(name) }
        }
        return Ask(
            id: id, text: Strings.moreQuestions(offered.count, on: themeNames)[setup.language],
            kind: .choice(Strings.yesOrNo.map { $0[setup.language] }), optional: true, purpose: .moreQuestions,
            theme: theme?.name)
    }

    /// The check-in and, per agreement still open, how it went and its status; nothing in a first conversation.
    /// The agreement goes in after the target group, as it is the user's own words.
    private mutating func followUp(
        checkIn: Localized, agreement: Localized, olderAgreement: Localized, status: Localized
    )
        -> [ScriptStep]
    {
        guard let previous = setup.previous else { return [] }
        let statuses = AgreementStatus.allCases.map { $0.label[setup.language] }
        var steps = [
            ScriptStep.ask(Ask(id: "check-in", text: fill(checkIn, theme: nil), optional: true, purpose: .checkIn))
        ]
        for (index, earlier) in setup.earlier.enumerated() {
            let values = ["agreement": earlier.what, "made": Strings.day(earlier.made)[setup.language]]
            let question = earlier.made == previous ? agreement : olderAgreement
            steps += [
                .ask(
                    Ask(
                        id: "follow-up-\(index + 1)", text: Placeholder.fill(fill(question, theme: nil), with: values),
                        optional: true, purpose: .followUp, subject: earlier.what)),
                .ask(
                    Ask(
                        id: "status-\(index + 1)", text: Placeholder.fill(fill(status, theme: nil), with: values),
                        kind: .choice(statuses), purpose: .agreementStatus, subject: earlier.what)),
            ]
        }
        return steps
    }

    /// A question asked after `previous` (nil: after no other); one that cannot stand alone names the question it
    /// follows unless that was just asked. Its theme is the flow's heading or opening line.
    private mutating func ask(
        _ question: Question, after previous: Question?, optional: Bool, askedBy: String?, offeredBy: String? = nil
    ) -> Ask {
        let justAsked = previous.map { $0.card == question.card && $0.text == question.context?.follows } ?? false
        return Ask(
            id: nextID(), text: substitute(question.text), optional: optional, purpose: .question,
            theme: deck.theme(id: question.card.theme)?.name, role: deck.role(id: question.card.role)?.name,
            askedBy: askedBy, origin: question.origin,
            follows: justAsked ? nil : question.context?.follows.map(substitute), offeredBy: offeredBy)
    }

    /// The items a limit keeps, in their order (all of them without one; else the first, or some chosen by the
    /// setup's seed), and the rest.
    private func pick<Item>(_ questions: [Item], limit: QuestionLimit?) -> (kept: [Item], rest: [Item]) {
        guard let limit, limit.count < questions.count else { return (questions, []) }
        var indices = Array(questions.indices)
        if limit.pick == .random {
            var generator = SplitMix64(seed: setup.seed)
            for index in stride(from: indices.count - 1, to: 0, by: -1) {
                indices.swapAt(index, Int(generator.next() % UInt64(index + 1)))
            }
        }
        let kept = Set(indices.prefix(limit.count))
        return (
            questions.indices.filter(kept.contains).map { questions[$0] },
            questions.indices.filter { !kept.contains($0) }.map { questions[$0] }
        )
    }

    /// The themes as the user chose them: a form of leadership by its own name rather than as its sub-themes.
    private var namedThemes: [String] {
        let chosen = setup.themes.compactMap(deck.theme(id:))
        var names: [String] = []
        for theme in themes {
            let name = (chosen.first { $0.id == theme.parent } ?? theme).name
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    private mutating func nextID() -> String {
        askCount += 1
        return Flow.generatedID(askCount)
    }

    private func substitute(_ text: String) -> String {
        setup.targetGroup?.apply(to: text) ?? text
    }

    private mutating func fill(_ text: Localized, theme: Theme?, statement: String? = nil, pitfall: String? = nil)
        -> String
    {
        if text[setup.language].contains("{minutes}") { timeBox = setup.minutes }
        let and = Strings.and[setup.language]
        var values = [
            "deck": deck.title,
            "organisation": deck.organisation,
            "role": roles.map(\.name).joined(separator: and),
            "roles": roles.map(\.name).joined(separator: and),
            "theme": theme?.name ?? Strings.listing(namedThemes)[setup.language],
            "themes": Strings.titles(themes.map(\.name))[setup.language],
            "participants": Strings.listing(setup.participants)[setup.language],
            "minutes": String(setup.minutes),
            "record": Strings.recordKept(venue)[setup.language],
        ]
        values["statement"] = statement
        values["pitfall"] = pitfall
        return substitute(Placeholder.fill(text[setup.language], with: values))
    }
}
