import SamtaleCore
import SamtaleDecks
import WebhookAdapter

/// The texts of the command line alone, in Danish and English: usage, help and the overview (laid out from the
/// table of commands and options), the option help the table declares, and what is wrong with an argument.
enum CommandLineStrings {
    static func text(_ da: String, _ en: String) -> Localized {
        Localized(da: da, en: en)
    }

    // MARK: Arguments

    static func unknownCommand(_ command: String) -> Localized {
        text("ukendt kommando »\(command)«", "unknown command \"\(command)\"")
    }

    static func unknownOption(_ option: String) -> Localized {
        text("ukendt tilvalg \(option)", "unknown option \(option)")
    }

    static func missingValue(_ option: String) -> Localized {
        text("\(option) mangler en værdi", "\(option) needs a value")
    }

    static func flagTakesNoValue(_ option: String) -> Localized {
        text("\(option) tager ingen værdi", "\(option) takes no value")
    }

    static func repeatedOption(_ option: String) -> Localized {
        text("\(option) er givet mere end én gang", "\(option) is given more than once")
    }

    static func unexpectedArgument(_ argument: String) -> Localized {
        text("uventet argument »\(argument)«", "unexpected argument \"\(argument)\"")
    }

    static func missingArgument(_ name: String) -> Localized {
        text("mangler \(name)", "missing \(name)")
    }

    /// An option given before the command it belongs to; `command` is the command found after it, if any.
    static func optionBeforeCommand(_ option: String, command: Subcommand?) -> Localized {
        guard let command else {
            return text(
                "\(option) skal stå efter en kommando: samtale KOMMANDO \(option) …",
                "\(option) goes after a command: samtale COMMAND \(option) …")
        }
        return text(
            "\(option) skal stå efter kommandoen: samtale \(command.rawValue) \(option) …",
            "\(option) goes after the command: samtale \(command.rawValue) \(option) …")
    }

    static func invalidLanguage(_ value: String?) -> Localized {
        guard let value else {
            return text("--lang mangler sproget: da eller en", "--lang needs the language: da or en")
        }
        return text(
            "--lang: »\(value)« er ikke et af de sprog, samtale taler; vælg da (dansk) eller en (engelsk)",
            "--lang: \"\(value)\" is not one of the languages samtale speaks; choose da (Danish) or en (English)")
    }

    static func invalidFixedNow(_ value: String) -> Localized {
        text(
            "SAMTALE_NOW: »\(value)« er ikke et tidspunkt som 2026-11-26T09:00:00+01:00 (dato, klokkeslæt og "
                + "tidsforskel til UTC); ret eller fjern variablen",
            "SAMTALE_NOW: \"\(value)\" is not a time like 2026-11-26T09:00:00+01:00 (date, time and offset from UTC); "
                + "fix or unset the variable")
    }

    static func cannotWriteOutput(_ reason: Localized) -> Localized {
        text(
            "kan ikke skrive til standard output: \(reason.da); udskriften er ufuldstændig",
            "cannot write to standard output: \(reason.en); the output is incomplete")
    }

    static let seeHelp = text("se `samtale help`", "see `samtale help`")
    static let usageLabel = text("Brug", "Usage")

    // MARK: sessions list

    /// The column headings of `sessions list`, in the order of its columns.
    static let sessionListHeadings = [
        text("Id", "Id"), text("Samtaleform", "Flow"), text("Kortsæt", "Deck"), text("Roller", "Roles"),
        text("Senest ændret", "Last changed"), text("Status", "Status"), text("Spørgsmål", "Questions"),
    ]

    /// The heading of the column that names the chat platform a conversation came from.
    static let chatColumn = text("Chat", "Chat")

    static let noSessions = text("Der er ingen gemte samtaler.", "There are no saved conversations.")

    // MARK: sessions export

    static func exported(_ id: SessionID, to path: String) -> Localized {
        text(
            "samtalen \(id) er eksporteret til \(path), som kun du kan læse",
            "session \(id) exported to \(path), which only you can read")
    }

    /// An option given to an action of a command that does not take it: `action` is the command and the action.
    static func optionNotFor(_ option: String, action: String) -> Localized {
        text("\(option) kan ikke bruges med \(action)", "\(option) cannot be used with \(action)")
    }

    // MARK: Usage and help

    /// The widest line of a help page; long usage and option help are wrapped to it.
    static let pageWidth = 110

    /// `samtale prompt [--deck K] …`: the command, its operands and its options, as the table declares them, on one
    /// line (as it follows an error message).
    static func usage(_ command: Subcommand) -> Localized {
        text(usageWords(command, .da).joined(separator: " "), usageWords(command, .en).joined(separator: " "))
    }

    /// `samtale`, the command, its operands, then one bracketed unit per option: the options of one group in one
    /// pair of brackets, an option's dependants inside its own, and for `post` the prompt options as one word.
    private static func usageWords(_ command: Subcommand, _ language: Language) -> [String] {
        let options = command.options.filter { $0.onlyWith == nil && !$0.isInOperands }
        var units: [String]
        if command.summarizesPromptOptions, let first = options.firstIndex(where: { $0.promptOption != nil }) {
            units =
                usageUnits(Array(options[..<first]), of: command, language) + ["[\(promptOptionsLabel[language])]"]
                + usageUnits(options[first...].filter { $0.promptOption == nil }, of: command, language)
        } else {
            units = usageUnits(options, of: command, language)
        }
        return ["samtale", command.rawValue] + operandUnits(command, language) + units
    }

    /// The operands as usage may break them: alternatives (`list … | show ID | …`) one by one, each after its bar.
    private static func operandUnits(_ command: Subcommand, _ language: Language) -> [String] {
        guard let operands = command.operands?[language] else { return [] }
        let alternatives = operands.split(separator: " | ").map(String.init)
        return alternatives.prefix(1) + alternatives.dropFirst().map { "| " + $0 }
    }

    static func usageUnits(_ options: [Option], of command: Subcommand, _ language: Language) -> [String] {
        var groups: [[Option]] = []
        for option in options {
            if let group = option.group, groups.last?.last?.group == group {
                groups[groups.count - 1].append(option)
            } else {
                groups.append([option])
            }
        }
        return groups.map { group in
            let alternatives = group.map { option in
                let dependants = command.options.filter { $0.onlyWith == option.name }
                return ([option.synopsis(language)] + usageUnits(dependants, of: command, language))
                    .joined(separator: " ")
            }.joined(separator: " | ")
            if group.allSatisfy(\.isRequired) { return group.count == 1 ? alternatives : "(\(alternatives))" }
            return "[\(alternatives)]" + (group.count == 1 && group[0].isRepeatable ? "…" : "")
        }
    }

    /// The option's help as its command shows it: with the option it goes with, where it goes with one only.
    static func help(of option: Option, in command: Subcommand) -> Localized {
        guard let name = option.onlyWith, let other = command.options.first(where: { $0.name == name }) else {
            return option.help
        }
        let names = [other.name] + [other.environment].compactMap { $0 }
        return text(
            "\(option.help.da) (kun med \(names.joined(separator: " eller ")))",
            "\(option.help.en) (only with \(names.joined(separator: " or ")))")
    }

    /// `samtale help COMMAND`: its usage (wrapped under itself), what it does, each option with its help, and an
    /// example.
    static func help(_ command: Subcommand) -> Localized {
        func page(_ language: Language) -> String {
            let rows = command.options.map { ($0.synopsis(language), help(of: $0, in: command)[language]) }
            let options = rows.isEmpty ? [] : ["", optionsHeading[language]] + columns(rows)
            let flows =
                command == .talk
                ? ["", flowsHeading[language]] + columns(BuiltinFlows.flows.map { ($0.id, $0.title[language]) }) : []
            return
                (wrappedUsage(command, language) + ["", description(command)[language]] + options + flows
                + ["", "\(exampleLabel[language]): \(example(command)[language])"]).joined(separator: "\n")
        }
        return text(page(.da), page(.en))
    }

    /// `Brug: samtale post …` broken between its units only, never inside brackets, each further line under the
    /// first option.
    private static func wrappedUsage(_ command: Subcommand, _ language: Language) -> [String] {
        let words = usageWords(command, language)
        var lines = ["\(helpUsageLabel[language]): \(words[0]) \(words[1])"]
        let indent = String(repeating: " ", count: lines[0].count + 1)
        for word in words.dropFirst(2) {
            if lines[lines.count - 1].count + 1 + word.count > pageWidth {
                lines.append(indent + word)
            } else {
                lines[lines.count - 1] += " " + word
            }
        }
        return lines
    }

    /// `samtale --help`: every command with what it is for, and the common options.
    static var overview: Localized {
        func page(_ language: Language) -> String {
            let commands = Subcommand.allCases.map { ($0.rawValue, summary($0)[language]) }
            let options =
                Option.common.map { ($0.synopsis(language), $0.help[language]) }
                + [("--help, -h", showHelp[language]), ("--version", showVersion[language])]
            return
                ([title[language], "", overviewUsage[language], "", commandsHeading[language]] + columns(commands)
                + ["", commonOptionsHeading[language]] + columns(options) + ["", seeCommandHelp[language]])
                .joined(separator: "\n")
        }
        return text(page(.da), page(.en))
    }

    /// Rows of a name and its help (`  --deck K   kortsæt …`), the help in one column just past the widest name and
    /// wrapped to the page, under itself.
    static func columns(_ rows: [(name: String, help: String)]) -> [String] {
        let column = 2 + (rows.map(\.name.count).max() ?? 0) + 2
        return rows.map { name, help in
            let first = "  " + name + String(repeating: " ", count: column - 2 - name.count)
            return wrap(help, width: pageWidth, indent: String(repeating: " ", count: column), firstIndent: first)
        }
    }

    private static let title = text(
        "samtale – samtaler om ledelses- og medarbejdergrundlag",
        "samtale – conversations about leadership and staff frameworks")
    private static let overviewUsage = text(
        "Brug: samtale <kommando> [tilvalg]   (uden kommando, i en terminal: en menu)",
        "Usage: samtale <command> [options]   (no command, at a terminal: a menu)"
    )
    private static let commandsHeading = text("Kommandoer:", "Commands:")
    private static let commonOptionsHeading = text("Fælles tilvalg:", "Common options:")
    private static let optionsHeading = text("Tilvalg:", "Options:")
    private static let flowsHeading = text("Samtaleformer:", "Flows:")

    /// The built-in flows' titles in a sentence (a flow added to `Dialogues/flows/` is listed without a word
    /// written here): "dialog på tværs af niveauer, energizer, … og teamdialog".
    private static func flowTitles(_ language: Language) -> String {
        Strings.listing(
            BuiltinFlows.flows.map { $0.title[language].prefix(1).lowercased() + $0.title[language].dropFirst() }
        )[language]
    }
    private static let helpUsageLabel = text("Brug", "Usage")
    private static let promptOptionsLabel = text("prompt-tilvalg", "prompt options")
    static let showHelp = text("vis hjælpen", "show the help")
    private static let showVersion = text("vis versionen", "show the version")
    private static let seeCommandHelp = text("Se `samtale help <kommando>`.", "See `samtale help <command>`.")
    private static let exampleLabel = text("Eksempel", "Example")

    /// The command's line in the overview.
    static func summary(_ command: Subcommand) -> Localized {
        switch command {
        case .talk:
            text("hold en samtale: \(flowTitles(.da))", "hold a conversation: \(flowTitles(.en))")
        case .sessions:
            text(
                "vis, eksportér og slet gemte samtaler; se en serie af 1:1-samtaler",
                "list, show, export and delete saved conversations; see a series of 1:1 conversations")
        case .serve:
            text(
                "lad andre programmer holde samtaler via JSON-linjer på stdin/stdout",
                "let other programs hold conversations through JSON lines on stdin/stdout")
        case .chat:
            text(
                "hold samtaler i teamets chat: svar på forespørgsler fra Teams, Zulip og andre chatplatforme",
                "hold conversations in the team's chat: answer the requests Teams, Zulip and the others send")
        case .prompt:
            text(
                "ét refleksionsspørgsmål til i dag, til en pipe eller et chatindlæg",
                "one reflection question for today, for a pipe or a chat post")
        case .post:
            text(
                "send dagens spørgsmål til teamets chat (Teams, Slack, …) via en webhook",
                "post the day's question to the team's chat (Teams, Slack, …) through a webhook")
        case .list: text("vis kortsæt, roller eller temaer", "list decks, roles or themes")
        case .show: text("vis et kortsæts kort", "show the cards of a deck")
        case .validate:
            text(
                "tjek kortsæt, samtaleformer, målfiler og chatopsætninger",
                "check decks, flows, targets files and chat configurations")
        case .completions:
            text(
                "skriv et script, så bash, zsh eller fish kan fuldføre med Tab",
                "print a script so that bash, zsh or fish can complete with Tab")
        case .help: text("hjælp til en kommando", "help on a command")
        }
    }

    /// What the command does, for its help page.
    static func description(_ command: Subcommand) -> Localized {
        switch command {
        case .prompt:
            text(
                """
                Skriver ét spørgsmål. Med samme filtre og dato får man samme spørgsmål på enhver computer. Dagens
                spørgsmål vælges kort for kort: Alle kort kommer lige tit på og – når der er flere at vælge imellem –
                aldrig to dage i træk, og hvert korts spørgsmål bruges på skift.
                """,
                """
                Prints one question. The same filters and date give the same question on any computer. The day's
                question is chosen card by card: every card comes as often as the others and, where there are more
                to choose from, never two days running, and each card's questions take turns.
                """)
        case .list:
            text(
                "Viser kortsæt, roller (med niveau) eller temaer, for alle kortsæt eller kun --deck K.",
                "Lists decks, roles (with their level) or themes, of every deck or of --deck D only.")
        case .show:
            text(
                "Viser et kortsæts tekster og kort, evt. kun én rolle og/eller ét tema; ombrudt til terminalens "
                    + "bredde.",
                "Shows a deck's texts and cards, optionally one role and/or theme only; wrapped to the terminal "
                    + "width.")
        case .validate:
            text(
                """
                Tjekker kortsæt, samtaleformer, målfiler og chatopsætninger (filer eller mapper) og skriver én linje
                pr. fejl: fil: placering: besked. Uden STI tjekkes de indbyggede og konfigurerede kortsæt og
                samtaleformer samt målfilen og chatopsætningen (chat.json). Afslutter med 65 ved fejl og med 66,
                hvis en sti ikke kan læses (de øvrige tjekkes alligevel).
                """,
                """
                Checks decks, flows, targets files and chat configurations (files or folders) and prints one line
                per problem: file: location: message. Without PATH it checks the built-in and configured decks and
                flows, the targets file and the chat configuration (chat.json). Exits 65 if anything is wrong, and
                66 if a path cannot be read (the others are checked all the same).
                """)
        case .post:
            text(
                """
                Sender dagens spørgsmål (det samme, som prompt vælger med de samme tilvalg) til en chat via dens webhook:
                Teams (Workflows), Slack, Mattermost, Discord, Google Chat, Rocket.Chat, Zulip eller ren JSON (generic).
                Læg webhook-adressen i SAMTALE_WEBHOOK_URL (eller i målfilen). --url URL virker også, men på
                kommandolinjen kan andre brugere af computeren se adressen.
                Platformen ses på adressen; ellers angiv den med --platform. Apprise- og shoutrrr-adresser virker også.
                Hvert mål får højst ét spørgsmål om dagen (en logbog i tilstandsmappen; --force sender igen).
                Adressens hemmelige del vises aldrig, heller ikke med --dry-run.
                Afslutter med 0 (sendt eller intet at sende), 64 (et mål er sat forkert op), 69 (afvist permanent),
                75 (opgav efter midlertidige fejl); ved flere mål går 75 forud for 64, og 64 forud for 69.
                """,
                """
                Posts the day's question (chosen as prompt does, with the same options) to a chat through its webhook:
                Teams (Workflows), Slack, Mattermost, Discord, Google Chat, Rocket.Chat, Zulip or plain JSON (generic).
                Put the webhook URL in SAMTALE_WEBHOOK_URL (or the targets file). --url URL works too, but on the
                command line other users of the machine can see the URL.
                The platform is told from the URL, or given with --platform. Apprise and shoutrrr URLs work too.
                Each target gets at most one question a day (a ledger in the state folder; --force posts again).
                The secret part of a URL is never shown, not even by --dry-run.
                Exits 0 (posted, or nothing due), 64 (a target is set up wrong), 69 (refused for good),
                75 (gave up after temporary failures); with several targets 75 comes before 64, and 64 before 69.
                """)
        case .talk:
            text(
                """
                Holder en samtale i terminalen og spørger kun om det, der mangler. Hvert svar gemmes, før næste
                spørgsmål vises. Kommandoer undervejs: /tilbage /spring /gentag /pause /hjælp /slut. Ctrl-D og Ctrl-C
                sætter samtalen på pause og gemmer den. Uden terminal læses ét svar pr. linje fra standard input.
                """,
                """
                Holds a conversation in the terminal, asking only for what is missing. Every answer is saved before
                the next question is shown. Commands on the way: /back /skip /repeat /pause /help /end (or the Danish
                words). Ctrl-D and Ctrl-C pause and save. Without a terminal, one answer per line is read from
                standard input.
                """)
        case .serve:
            text(
                """
                Lader et andet program holde samtaler: én JSON-forespørgsel pr. linje på standard input, ét
                JSON-objekt pr. linje på standard output (se PROTOCOL.md). Samtalerne gemmes som ved talk, medmindre
                du angiver --ephemeral.
                """,
                """
                Lets another program hold conversations: one JSON request per line on standard input, one JSON object
                per line on standard output (see PROTOCOL.md). Conversations are saved as by talk, unless you give
                --ephemeral.
                """)
        case .chat:
            text(
                """
                Besvarer forespørgsler fra chatplatforme. Med --stdio læses én HTTP-forespørgsel fra standard input,
                og svaret skrives til standard output – sådan som systemd (Accept=yes) og inetd videregiver en
                forbindelse. Med --listen kører programmet selv som server på en port eller en Unix-socket, indtil
                det stoppes med SIGTERM eller Ctrl-C. Endepunkterne står i chat.json, hver med sin sti (fx /zulip),
                platform og samtaleform. Hver tråd eller direkte besked er én samtale, der gemmes på samme måde som
                ved talk. chat cgi gør det samme, men får forespørgslen fra en webserver via CGI. chat prune sletter
                de chatsamtaler, der har været uden aktivitet i mere end inactiveDays dage (angives i chat.json;
                standard: 30), og de svar på dagens spørgsmål, der er ældre end det.
                """,
                """
                Answers requests from chat platforms. With --stdio it reads one HTTP request on standard input and
                writes the response to standard output, as systemd (Accept=yes) and inetd hand on a connection. With
                --listen it runs as a server on a port or a Unix socket until SIGTERM or Ctrl-C stops it. The
                endpoints are in chat.json, each with its path (e.g. /zulip), platform and kind of conversation. Each
                thread or direct message is one conversation, saved as by talk. chat cgi does the same, but takes the
                request from a web server through CGI. chat prune deletes the chat conversations that have been
                inactive for more than inactiveDays days (set in chat.json; default: 30), and the answers to the
                day's question that are older than that.
                """)
        case .sessions:
            text(
                """
                Viser, eksporterer og sletter gemte samtaler og viser serier af 1:1-samtaler (i $SAMTALE_STATE_DIR,
                $XDG_STATE_HOME/samtale eller ~/.local/state/samtale).
                """,
                """
                Lists, shows, exports and deletes saved conversations and shows series of 1:1 conversations (in
                $SAMTALE_STATE_DIR, $XDG_STATE_HOME/samtale or ~/.local/state/samtale).
                """)
        case .completions:
            text(
                """
                Skriver et script, så skallen kan fuldføre kommandoer, tilvalg og faste værdier (kortsæt, samtaleformer,
                formater) til `samtale`, når du trykker på Tab. I README.md står, hvor scriptet skal ligge.
                """,
                """
                Prints a script that lets the shell complete the commands, options and fixed values (decks, flows,
                formats) of `samtale` when you press Tab. README.md tells where the script goes.
                """)
        case .help:
            text(
                "Viser hjælpen til KOMMANDO; uden KOMMANDO vises oversigten.",
                "Shows the help on COMMAND; without COMMAND, the overview.")
        }
    }

    /// A command line that shows the command at work, for the end of its help.
    private static func example(_ command: Subcommand) -> Localized {
        switch command {
        case .prompt: same("samtale prompt --role medarbejder --for group --skip-weekends --holidays dk")
        case .list: same("samtale list roles --deck skanderborg")
        case .show: same("samtale show hjoerring-dialogkort --role leder-af-leder --format markdown")
        case .validate: text("samtale validate mine-kort/", "samtale validate my-decks/")
        case .post:
            text(
                "samtale post --deck kolding --skip-weekends --holidays dk   (adressen i SAMTALE_WEBHOOK_URL)",
                "samtale post --deck kolding --skip-weekends --holidays dk   (the URL in SAMTALE_WEBHOOK_URL)")
        case .talk: same("samtale talk --flow one-to-one --role medarbejder --theme \"sammen sikrer\"")
        case .serve: same("echo '{\"type\":\"hello\"}' | samtale serve --stdio")
        case .chat: same("samtale chat serve --stdio --config chat.json < forespoergsel.http")
        case .sessions:
            text(
                "samtale sessions export ID --format markdown > samtale.md",
                "samtale sessions export ID --format markdown > conversation.md")
        case .completions: same("samtale completions bash > ~/.local/share/bash-completion/completions/samtale")
        case .help: same("samtale help prompt")
        }
    }

    private static func same(_ text: String) -> Localized {
        Localized(da: text, en: text)
    }

    // MARK: Option help

    // A flag's help says what to do; an option's that takes a value says what the value is; a default ends it as
    // "(standard: X)" / "(default: X)".

    static let dialoguesHelp = text(
        "ekstra kortsæt fra MAPPE (kan gentages; også SAMTALE_DIALOGUES med mapper adskilt med kolon)",
        "more decks from DIR (repeatable; also SAMTALE_DIALOGUES with folders separated by colons)"
    )
    static let langHelp = text(
        "brugerfladens sprog, ikke kortenes (standard: dansk; LANG=en_* giver engelsk)",
        "the interface language, not the cards' (default: Danish; LANG=en_* gives English)")

    static let promptDeckHelp = text(
        "kortsæt; id, navn eller entydig begyndelse (standard: hjoerring-dialogkort)",
        "deck; id, name or unambiguous prefix (default: hjoerring-dialogkort)")
    static let talkDeckHelp = text(
        "kortsæt; id, navn eller entydig begyndelse",
        "deck; id, name or unambiguous prefix")
    static let listDeckHelp = text("kun dette kortsæt", "this deck only")

    static let roleHelp = text("kun denne rolle", "only this role")
    static let promptRoleHelp = text(
        "kun denne rolle (standard: de fælles kort og medarbejderkortene)",
        "only this role (default: the shared cards and the employee's)")
    static let themeHelp = text("kun dette tema", "only this theme")
    static let forHelp = text(
        "kun spørgsmål til den enkelte / til gruppen",
        "only questions for the individual / the group")
    static let dateHelp = text("dagen (standard: i dag, lokal tid)", "the day (default: today, local time)")
    static let randomHelp = text(
        "vælg et tilfældigt spørgsmål i stedet for dagens",
        "pick a random question instead of the day's")
    static let seedHelp = text(
        "gør det tilfældige valg gentageligt: samme N giver samme spørgsmål (medfører --random)",
        "makes the random pick reproducible: the same N gives the same question (implies --random)")
    static let skipWeekendsHelp = text(
        "spring lørdag og søndag over: intet spørgsmål, og dagene tæller ikke med i rækkefølgen",
        "skip Saturday and Sunday: no question, and the days do not count in the order"
    )
    static let holidaysHelp = text(
        "spring danske helligdage over samt grundlovsdag, juleaftensdag og nytårsaftensdag: intet spørgsmål, og "
            + "dagene tæller ikke med i rækkefølgen",
        "skip Danish public holidays plus Constitution Day, Christmas Eve and New Year's Eve: no question, and the "
            + "days do not count in the order"
    )
    static let targetGroupHelp = text(
        "ORD erstatter »borger«: ét ord, der bøjes som borger (fx bruger), eller alle fire former adskilt med "
            + "komma (fx barn,barnet,børn,børnene); også SAMTALE_TARGET_GROUP",
        "WORD replaces \"borger\": one word inflected like borger (e.g. bruger), or all four forms separated by "
            + "commas (e.g. barn,barnet,børn,børnene); also SAMTALE_TARGET_GROUP"
    )
    static let promptFormatHelp = text(
        "linje, JSON-objekt eller klar til chat",
        "one line, a JSON object, or ready for chat")
    static let documentFormatHelp = text("tekst, Markdown eller JSON", "text, Markdown or JSON")
    static let sessionsFormatHelp = text(
        "til list: text eller json (standard: text); til export og series: markdown eller json (standard: markdown)",
        "for list: text or json (default: text); for export and series: markdown or json (default: markdown)"
    )
    static let outputHelp = text(
        "til export: skriv til en ny FIL, som kun du kan læse, i stedet for standard output; en fil, der findes i "
            + "forvejen, overskrives ikke",
        "for export: write to a new FILE that only you can read, instead of standard output; an existing file is "
            + "never overwritten")
    static let listWithHelp = text(
        "til list: kun samtalerne med NAVN", "for list: only the conversations with NAME")
    static let validateConfigHelp = text(
        "tjek denne målfil eller chatopsætning i stedet for targets.json og chat.json (kun uden STI)",
        "check this targets file or chat configuration instead of targets.json and chat.json (only without PATH)"
    )

    static let flowHelp = text(
        "samtaleformen; se Samtaleformer nedenfor", "the flow; see Flows below")
    static let talkRoleHelp = text(
        "rollen; gentag tilvalget, når samtaleformen har to roller (across-levels)",
        "the role; give it twice when the flow has two roles (across-levels)")
    static let talkThemeHelp = text(
        "temaet; flere med komma eller ved at gentage tilvalget",
        "the theme; several separated by commas or by repeating the option")
    static let participantsHelp = text(
        "deltagernes navne, adskilt med komma (fx \"Ann,Bo\")",
        "the participants' names, separated by commas (e.g. \"Ann,Bo\")")
    static let minutesHelp = text(
        "energizerens foreslåede tid i minutter (standard: 5)",
        "the energizer's suggested time in minutes (default: 5)")
    static let recordHelp = text(
        "gem samtalen, selv om samtaleformen normalt ikke gemmes (fx energizer)",
        "save the conversation even if its flow is not normally saved (e.g. energizer)")
    static let resumeHelp = text("fortsæt en gemt samtale", "continue a saved conversation")
    static let personPlaceholder = text("NAVN", "NAME")
    static let withHelp = text(
        "medarbejderen i en 1:1-samtale; samtaler med samme person samles i en serie, og næste samtale følger op på "
            + "aftalerne fra sidst",
        "the employee of a 1:1 conversation; the conversations with the same person make a series, where the next one "
            + "follows up the agreements from last time")
    static let leaderHelp = text(
        "lederen i en 1:1-samtale (huskes i serien)", "the leader of a 1:1 conversation (remembered in the series)")
    static let missingPerson = text("mangler \(personPlaceholder.da)", "missing \(personPlaceholder.en)")
    static func noSeries(_ name: String) -> Localized {
        text("der er ingen gemte samtaler med \(name)", "there are no saved conversations with \(name)")
    }
    static func noSessionsWith(_ name: String) -> Localized {
        text("Der er ingen gemte samtaler med \(name).", "There are no saved conversations with \(name).")
    }

    static let chatStdioHelp = text(
        "læs én forespørgsel fra standard input og skriv svaret til standard output",
        "read one request from standard input and write the response to standard output")
    static let chatDryRunHelp = text(
        "vis, hvad prune ville slette, uden at slette noget",
        "show what prune would delete, without deleting anything")
    static let chatCGIByHand = text(
        "REQUEST_METHOD er ikke sat: chat cgi skal startes af en webserver (fx Apache eller lighttpd), der giver "
            + "forespørgslen videre via miljøvariabler",
        "REQUEST_METHOD is not set: chat cgi must be started by a web server (such as Apache or lighttpd), which "
            + "passes the request on in environment variables")

    /// What `chat prune` did, or with `--dry-run` would do, after the ids it printed.
    static func chatPruned(_ count: Int, inactiveDays days: Int, dryRun: Bool) -> Localized {
        let conversations = text(
            count == 1 ? "1 chatsamtale" : "\(count) chatsamtaler",
            count == 1 ? "1 chat conversation" : "\(count) chat conversations")
        let period = text(days == 1 ? "1 dag" : "\(days) dage", days == 1 ? "1 day" : "\(days) days")
        if count == 0 {
            return text(
                "ingen chatsamtaler har været uden aktivitet i mere end \(period.da)",
                "no chat conversation has been inactive for more than \(period.en)")
        }
        if dryRun {
            return text(
                "\(conversations.da) ville blive slettet (uden aktivitet i mere end \(period.da)); intet er slettet",
                "\(conversations.en) would be deleted (inactive for more than \(period.en)); nothing was deleted")
        }
        return text(
            "\(conversations.da) er slettet (uden aktivitet i mere end \(period.da))",
            "\(conversations.en) deleted (inactive for more than \(period.en))")
    }
    /// A session file `chat prune` could not read, so it cannot tell whether it came from chat or when it changed.
    static func chatPruneCannotJudge(_ id: SessionID) -> Localized {
        text(
            "samtalen \(id) kan ikke læses, så det kan ikke afgøres, om den skal slettes; undersøg den med "
                + "`samtale sessions show \(id)` eller slet den med `samtale sessions delete \(id)`",
            "session \(id) cannot be read, so it cannot be decided whether to delete it; inspect it with "
                + "`samtale sessions show \(id)` or delete it with `samtale sessions delete \(id)`")
    }
    static func reflectionAnswersPruned(_ files: Int, before day: CivilDate, dryRun: Bool) -> Localized {
        let count = text(files == 1 ? "1 fil" : "\(files) filer", files == 1 ? "1 file" : "\(files) files")
        if dryRun {
            return text(
                "svarene på dagens spørgsmål fra før \(day) ville blive slettet (\(count.da)); intet er slettet",
                "the answers to the day's question from before \(day) would be deleted (\(count.en)); "
                    + "nothing was deleted")
        }
        return text(
            "svarene på dagens spørgsmål fra før \(day) er slettet (\(count.da))",
            "the answers to the day's question from before \(day) have been deleted (\(count.en))")
    }
    static let chatConfigHelp = text(
        "chatopsætningen, der skal bruges i stedet for chat.json",
        "the chat configuration to use instead of chat.json")
    static let chatNoConfig = text(
        "finder ingen chatopsætning: brug --config FIL eller sæt XDG_CONFIG_HOME eller HOME",
        "cannot find a chat configuration: use --config FILE, or set XDG_CONFIG_HOME or HOME")
    static let stdioHelp = text(
        "læs forespørgsler fra standard input og skriv svar til standard output (påkrævet)",
        "read requests from standard input and write answers to standard output (required)")
    static let ephemeralHelp = text(
        "hold samtalerne i hukommelsen; intet gemmes",
        "keep conversations in memory; nothing is saved")
    static let maxLineHelp = text(
        "største linjelængde i byte; længere linjer springes over med en fejl "
            + "(standard: 1 MiB)",
        "the longest line in bytes; longer lines are skipped with an error (default: 1 MiB)")

    static let urlHelp = text(
        "webhook-adressen (brug hellere SAMTALE_WEBHOOK_URL)",
        "the webhook URL (prefer SAMTALE_WEBHOOK_URL)")
    static let platformHelp = text(
        "platformen, når adressen ikke viser den: \(platforms)",
        "the platform, where the URL does not tell it: \(platforms)")
    private static let platforms = Platform.allCases.map(\.rawValue).joined(separator: ", ")
    static let targetHelp = text("ét mål fra målfilen", "one target of the targets file")
    static let allHelp = text(
        "send til alle mål i målfilen, der skal have et spørgsmål i dag",
        "post to every target of the targets file that is due today")
    static let postConfigHelp = text(
        "målfilen (standard: $XDG_CONFIG_HOME/samtale/targets.json)",
        "the targets file (default: $XDG_CONFIG_HOME/samtale/targets.json)")
    static let stdinHelp = text("send teksten fra standard input", "post the text read from standard input")
    static let sessionHelp = text(
        "send opsummeringen af en gemt samtale",
        "post the summary of a saved conversation")
    static let forceHelp = text(
        "send igen, selv om målet allerede har fået dagens spørgsmål",
        "post again, even if the target already had the day's question")
    static let dryRunHelp = text("vis forespørgslen uden at sende den", "print the request without sending it")
    static let retriesHelp = text(
        "højst N forsøg i alt, det første medregnet (standard: 5)",
        "at most N attempts in all, the first included (default: 5)")
    static let retryForHelp = text(
        "prøv igen i højst S sekunder, regnet fra første forsøg (standard: 120)",
        "keep retrying for at most S seconds, counted from the first attempt (default: 120)")
    static let timeoutHelp = text(
        "tidsgrænse i sekunder for hvert forsøg, fra forbindelse til svar (standard: 30)",
        "time limit in seconds per attempt, from connecting to the answer (default: 30)")
    static let connectTimeoutHelp = text(
        "tidsgrænse i sekunder for at få forbindelse (standard: 10)",
        "time limit in seconds to connect (default: 10)")
}
