import SamtaleCore
import WebhookAdapter

/// The texts of the command line alone, in Danish and English: usage, help and the overview (laid out from the
/// table of commands and options), the option help the table declares, and what is wrong with an argument.
enum CommandLineStrings {
    private static func text(_ da: String, _ en: String) -> Localized {
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
            return text("\(option) skal stå efter en kommando: samtale KOMMANDO \(option) …",
                        "\(option) goes after a command: samtale COMMAND \(option) …")
        }
        return text("\(option) skal stå efter kommandoen: samtale \(command.rawValue) \(option) …",
                    "\(option) goes after the command: samtale \(command.rawValue) \(option) …")
    }

    static func invalidLanguage(_ value: String?) -> Localized {
        guard let value else {
            return text("--lang mangler sproget: da eller en", "--lang needs the language: da or en")
        }
        return text("--lang: »\(value)« er ikke et af de sprog, samtale taler; vælg da (dansk) eller en (engelsk)",
                    "--lang: \"\(value)\" is not one of the languages samtale speaks; choose da (Danish) or en (English)")
    }

    static func invalidFixedNow(_ value: String) -> Localized {
        text("SAMTALE_NOW: »\(value)« er ikke et tidspunkt som 2026-11-26T09:00:00+01:00 (dato, klokkeslæt og "
                + "tidsforskel til UTC); ret eller fjern variablen",
             "SAMTALE_NOW: \"\(value)\" is not a time like 2026-11-26T09:00:00+01:00 (date, time and offset from UTC); "
                + "fix or unset the variable")
    }

    static func cannotWriteOutput(_ reason: Localized) -> Localized {
        text("kan ikke skrive til standard output: \(reason.da); udskriften er ufuldstændig",
             "cannot write to standard output: \(reason.en); the output is incomplete")
    }

    static let seeHelp = text("se `samtale help`", "see `samtale help`")
    static let usageLabel = text("brug", "usage")

    // MARK: sessions list

    /// The column headings of `sessions list`, in the order of its columns.
    static let sessionListHeadings = [
        text("Id", "Id"), text("Samtaleform", "Flow"), text("Kortsæt", "Deck"), text("Roller", "Roles"),
        text("Senest ændret", "Last changed"), text("Status", "Status"), text("Spørgsmål", "Questions"),
    ]

    static let noSessions = text("Der er ingen gemte samtaler.", "There are no saved conversations.")

    // MARK: Usage and help

    /// `samtale prompt [--deck K] …`: the command, its operands and its options, as the table declares them; the
    /// options of one group in one pair of brackets.
    static func usage(_ command: Subcommand) -> Localized {
        func line(_ language: Language) -> String {
            var groups: [[Option]] = []
            for option in command.options {
                if let group = option.group, groups.last?.last?.group == group {
                    groups[groups.count - 1].append(option)
                } else {
                    groups.append([option])
                }
            }
            let options = groups.map { group in
                let synopsis = group.map { $0.synopsis(language) }.joined(separator: " | ")
                return group.count == 1 && group[0].isRequired ? synopsis : "[\(synopsis)]"
            }
            return (["samtale", command.rawValue] + [command.operands?[language]].compactMap { $0 } + options)
                .joined(separator: " ")
        }
        return text(line(.da), line(.en))
    }

    /// `samtale help COMMAND`: its usage, what it does, each option with its help, and an example.
    static func help(_ command: Subcommand) -> Localized {
        func page(_ language: Language) -> String {
            let options = command.options.isEmpty ? []
                : ["", optionsHeading[language]] + optionLines(command.options, width: 21, language)
            return (["\(usageLabel[language]): \(usage(command)[language])", "", description(command)[language]]
                + options + ["", "\(exampleLabel[language]): \(example(command)[language])"]).joined(separator: "\n")
        }
        return text(page(.da), page(.en))
    }

    /// `samtale --help`: every command with what it is for, and the common options.
    static var overview: Localized {
        func page(_ language: Language) -> String {
            let commands = Subcommand.allCases.map { command in
                "  " + command.rawValue.padding(to: 13) + summary(command)[language]
            }
            return ([title[language], "", overviewUsage[language], "", commandsHeading[language]] + commands
                + ["", commonOptionsHeading[language]] + optionLines(Option.common, width: 20, language)
                + ["  " + "--help, -h".padding(to: 20) + helpAndVersion[language], "", seeCommandHelp[language]])
                .joined(separator: "\n")
        }
        return text(page(.da), page(.en))
    }

    /// One line per option (`  --deck K             kortsæt …`), its help in a column `width` wide, the help's
    /// further lines under its first.
    private static func optionLines(_ options: [Option], width: Int, _ language: Language) -> [String] {
        options.flatMap { option -> [String] in
            let help = option.help[language].split(separator: "\n").map(String.init)
            return ["  " + option.synopsis(language).padding(to: width) + (help.first ?? "")]
                + help.dropFirst().map { String(repeating: " ", count: 2 + width) + $0 }
        }
    }

    private static let title = text("samtale – samtaler om ledelses- og medarbejdergrundlag",
                                    "samtale – conversations about leadership and staff frameworks")
    private static let overviewUsage = text(
        "Brug: samtale <kommando> [tilvalg]   (uden kommando, i en terminal: en menu)",
        "Usage: samtale <command> [options]   (no command, at a terminal: a menu)"
    )
    private static let commandsHeading = text("Kommandoer:", "Commands:")
    private static let commonOptionsHeading = text("Fælles tilvalg:", "Common options:")
    private static let optionsHeading = text("Tilvalg:", "Options:")
    static let helpLabel = text("hjælp", "help")
    private static let helpAndVersion = text("hjælp   --version   versionen", "help   --version   the version")
    private static let seeCommandHelp = text("Se `samtale help <kommando>`.", "See `samtale help <command>`.")
    private static let exampleLabel = text("Eksempel", "Example")

    /// The command's line in the overview.
    static func summary(_ command: Subcommand) -> Localized {
        switch command {
        case .talk:
            text("hold en samtale: medarbejdersamtale, team, energizer, på tværs af niveauer, selvrefleksion, "
                    + "vippebræt",
                 "hold a conversation: one-to-one, team, energizer, across levels, self-reflection, seesaw")
        case .sessions:
            text("vis, eksportér og slet gemte samtaler",
                 "list, show, export and delete saved conversations")
        case .serve:
            text("JSON-linjeprotokollen på stdin/stdout, så andre programmer kan holde samtaler",
                 "the JSON-lines protocol on stdin/stdout, so other programs can hold conversations")
        case .prompt:
            text("ét refleksionsspørgsmål til i dag, til en pipe eller et chatindlæg",
                 "one reflection question for today, for a pipe or a chat post")
        case .post:
            text("send dagens spørgsmål til teamets chat (Teams, Slack, …) via en webhook",
                 "post the day's question to the team's chat (Teams, Slack, …) through a webhook")
        case .list: text("vis kortsæt, roller eller temaer", "list decks, roles or themes")
        case .show: text("vis et kortsæts kort", "show the cards of a deck")
        case .validate: text("tjek kortsætfiler", "check deck files")
        case .completions:
            text("skriv et script til tab-fuldførelse i bash, zsh eller fish",
                 "print a script for tab completion in bash, zsh or fish")
        case .help: text("hjælp til en kommando", "help on a command")
        }
    }

    /// What the command does, for its help page.
    static func description(_ command: Subcommand) -> Localized {
        switch command {
        case .prompt:
            text("""
                Skriver ét spørgsmål. Samme filtre og dato giver samme spørgsmål på enhver maskine; dag for dag går
                rækkefølgen gennem alle spørgsmål uden gentagelser, før en ny rækkefølge begynder.
                """,
                 """
                Prints one question. The same filters and date give the same question on any machine; day by day the
                order walks through every question without repeats before a new order begins.
                """)
        case .list:
            text("Viser kortsæt, roller (med niveau) eller temaer, for alle kortsæt eller kun --deck K.",
                 "Lists decks, roles (with their level) or themes, of every deck or of --deck D only.")
        case .show:
            text("Viser et kortsæts tekster og kort, evt. kun én rolle og/eller ét tema; ombrudt til terminalens "
                    + "bredde.",
                 "Shows a deck's texts and cards, optionally one role and/or theme only; wrapped to the terminal "
                    + "width.")
        case .validate:
            text("""
                Tjekker kortsætfiler (filer eller mapper) og skriver én linje pr. fejl: fil: sti: besked.
                Uden STI tjekkes de indbyggede og de konfigurerede kortsæt. Afslutter med 65 ved fejl.
                """,
                 """
                Checks deck files (files or folders) and prints one line per problem: file: path: message.
                Without PATH it checks the built-in and configured decks. Exits 65 if anything is wrong.
                """)
        case .post:
            text("""
                Sender dagens spørgsmål (det samme, som prompt vælger med de samme tilvalg) til en chat via dens webhook:
                Teams (Workflows), Slack, Mattermost, Discord, Google Chat, Rocket.Chat, Zulip eller ren JSON (generic).
                Læg webhook-adressen i SAMTALE_WEBHOOK_URL (eller i målfilen). --url URL virker også, men på
                kommandolinjen kan andre brugere af maskinen se adressen.
                samtale kan se platformen på adressen; ellers angiv den med --platform.
                Apprise- og shoutrrr-adresser virker også.
                Hvert mål får højst ét spørgsmål om dagen (en logbog i tilstandsmappen; --force sender igen).
                --stdin sender teksten fra standard input, --session ID en samtales opsummering.
                --all sender til alle mål i målfilen, der skal have et spørgsmål i dag; --target NAVN til ét.
                --dry-run viser forespørgslen uden at sende den. Adressens hemmelige del vises aldrig.
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
                --stdin posts the text read from standard input, --session ID a conversation's summary.
                --all posts to every target of the targets file that is due today; --target NAME to one.
                --dry-run prints the request without sending it. The secret part of a URL is never shown.
                Exits 0 (posted, or nothing due), 64 (a target is set up wrong), 69 (refused for good),
                75 (gave up after temporary failures); with several targets 75 comes before 64, and 64 before 69.
                """)
        case .talk:
            text("""
                Holder en samtale i terminalen og spørger kun om det, der mangler. Flows: one-to-one (medarbejdersamtale),
                team, energizer, across-levels (på tværs af niveauer), self (selvrefleksion), seesaw (vippebrættet).
                Hvert svar gemmes, før næste spørgsmål vises. Kommandoer undervejs: /tilbage /spring /gentag /pause
                /hjælp /slut. Ctrl-D og Ctrl-C sætter på pause og gemmer.
                Uden terminal læses ét svar pr. linje fra standard input.
                """,
                 """
                Holds a conversation in the terminal, asking only for what is missing. Flows: one-to-one, team,
                energizer, across-levels, self (self-reflection), seesaw.
                Every answer is saved before the next question is shown. Commands on the way: /back /skip /repeat
                /pause /help /end (or the Danish words). Ctrl-D and Ctrl-C pause and save.
                Without a terminal, one answer per line is read from standard input.
                """)
        case .serve:
            text("""
                Lader et andet program holde samtaler: én JSON-forespørgsel pr. linje på standard input, ét JSON-objekt
                pr. linje på standard output (se PROTOCOL.md). Samtaler gemmes som ved talk; --ephemeral holder alt i
                hukommelsen. Linjer over --max-line byte (standard 1 MiB) springes over med en fejl.
                """,
                 """
                Lets another program hold conversations: one JSON request per line on standard input, one JSON object
                per line on standard output (see PROTOCOL.md). Conversations are saved as by talk; --ephemeral keeps
                everything in memory. Lines over --max-line bytes (default 1 MiB) are skipped with an error.
                """)
        case .sessions:
            text("""
                Viser, eksporterer og sletter gemte samtaler (i $SAMTALE_STATE_DIR, $XDG_STATE_HOME/samtale eller
                ~/.local/state/samtale).
                """,
                 """
                Lists, shows, exports and deletes saved conversations (in $SAMTALE_STATE_DIR, $XDG_STATE_HOME/samtale or
                ~/.local/state/samtale).
                """)
        case .completions:
            text("""
                Skriver et script, så skallen kan fuldføre kommandoer, tilvalg og faste værdier (kortsæt,
                samtaleformer, formater) for samtale med Tab. Se README.md for, hvor scriptet skal ligge.
                """,
                 """
                Prints a script that lets the shell complete samtale's commands, options and fixed values
                (decks, flows, formats) with Tab. See README.md for where the script goes.
                """)
        case .help:
            text("Viser hjælp til en kommando, eller oversigten uden KOMMANDO.",
                 "Shows help on a command, or the overview without COMMAND.")
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
            text("samtale post --deck kolding --skip-weekends --holidays dk   (adressen i SAMTALE_WEBHOOK_URL)",
                 "samtale post --deck kolding --skip-weekends --holidays dk   (the URL in SAMTALE_WEBHOOK_URL)")
        case .talk: same("samtale talk --flow one-to-one --role medarbejder --theme \"sammen sikrer\"")
        case .serve: same("echo '{\"type\":\"hello\"}' | samtale serve --stdio")
        case .sessions:
            text("samtale sessions export ID --format markdown > samtale.md",
                 "samtale sessions export ID --format markdown > conversation.md")
        case .completions: same("samtale completions bash > ~/.local/share/bash-completion/completions/samtale")
        case .help: same("samtale help prompt")
        }
    }

    private static func same(_ text: String) -> Localized {
        Localized(da: text, en: text)
    }

    // MARK: Option help

    static let dialoguesHelp = text("flere kortsæt fra MAPPE (kan gentages; også SAMTALE_DIALOGUES, kolon-adskilt)",
                                    "more decks from DIR (repeatable; also SAMTALE_DIALOGUES, colon-separated)")
    static let langHelp = text("sproget rundt om indholdet (standard: dansk; LANG=en_* giver engelsk)",
                               "interface language (default Danish; LANG=en_* gives English)")

    static let promptDeckHelp = text("kortsæt (standard: hjoerring-dialogkort); id, navn eller entydig begyndelse",
                                     "deck (default: hjoerring-dialogkort); id, name or unambiguous prefix")
    static let talkDeckHelp = text("kortsæt; id, navn eller entydig begyndelse",
                                   "deck; id, name or unambiguous prefix")
    static let listDeckHelp = text("kun dette kortsæt", "this deck only")

    static let roleHelp = text("kun denne rolle", "only this role")
    static let themeHelp = text("kun dette tema", "only this theme")
    static let forHelp = text("kun spørgsmål til den enkelte / til gruppen",
                              "only questions for the individual / the group")
    static let dateHelp = text("dagen (standard: i dag, lokal tid)", "the day (default: today, local time)")
    static let randomHelp = text("vælg frit i stedet for dagens", "pick freshly instead of the day's")
    static let seedHelp = text("vælg frit, men gentageligt: samme N giver samme spørgsmål",
                               "pick freshly but reproducibly: the same N gives the same question")
    static let skipWeekendsHelp = text("lørdag og søndag tæller ikke; intet spørgsmål de dage",
                                       "Saturday and Sunday do not count; no question on those days")
    static let holidaysHelp = text("danske helligdage og faste fridage tæller ikke; intet spørgsmål de dage",
                                   "Danish public holidays do not count; no question on those days")
    static let targetGroupHelp = text(
        "erstat »borger« med ORD (ental, fx bruger) eller fire former:\n"
            + "bruger,brugeren,brugere,brugerne (også SAMTALE_TARGET_GROUP)",
        "replace \"borger\" with WORD (singular, e.g. bruger) or four forms:\n"
            + "bruger,brugeren,brugere,brugerne (also SAMTALE_TARGET_GROUP)"
    )
    static let promptFormatHelp = text("linje, JSON-objekt eller klar til chat",
                                       "one line, a JSON object, or ready for chat")
    static let documentFormatHelp = text("tekst, Markdown eller JSON", "text, Markdown or JSON")
    static let sessionsFormatHelp = text("list: text eller json; export: markdown eller json",
                                         "list: text or json; export: markdown or json")
    static let validateConfigHelp = text(
        "målfilen til samtale post; uden tilvalget tjekkes den, post bruger, hvis den findes",
        "the targets file of samtale post; without the option, the one post uses, if any"
    )

    static let flowHelp = text("samtaleformen: one-to-one, team, energizer, across-levels, self eller seesaw",
                               "the flow: one-to-one, team, energizer, across-levels, self or seesaw")
    static let talkRoleHelp = text("rollen; gentag tilvalget, hvor samtaleformen har to roller",
                                   "the role; repeat the option where the flow takes two roles")
    static let talkThemeHelp = text("temaet; flere med komma eller ved at gentage tilvalget",
                                    "the theme; several separated by commas or by repeating the option")
    static let participantsHelp = text("deltagerne, adskilt af komma", "the participants, separated by commas")
    static let minutesHelp = text("energizerens foreslåede tid i minutter (standard 5)",
                                  "the energizer's suggested time in minutes (default 5)")
    static let recordHelp = text("gem også en samtale, der ellers ikke gemmes (energizer)",
                                 "keep a conversation that is otherwise not kept (energizer)")
    static let resumeHelp = text("fortsæt en gemt samtale", "continue a saved conversation")

    static let stdioHelp = text("forespørgsler på standard input, svar på standard output",
                                "requests on standard input, answers on standard output")
    static let ephemeralHelp = text("hold samtalerne i hukommelsen; intet gemmes",
                                    "keep conversations in memory; nothing is saved")
    static let maxLineHelp = text("den længste linje, der læses (standard 1 MiB)",
                                  "the longest line read (default 1 MiB)")

    static let urlHelp = text("webhook-adressen (bedre: SAMTALE_WEBHOOK_URL)",
                              "the webhook URL (better: SAMTALE_WEBHOOK_URL)")
    static let platformHelp = text("platformen, når adressen ikke viser den: \(platforms)",
                                    "the platform, where the URL does not tell it: \(platforms)")
    private static let platforms = Platform.allCases.map(\.rawValue).joined(separator: ", ")
    static let targetHelp = text("ét mål fra målfilen", "one target of the targets file")
    static let allHelp = text("alle mål i målfilen, der skal have et spørgsmål i dag",
                              "every target of the targets file that is due today")
    static let postConfigHelp = text("målfilen (standard: $XDG_CONFIG_HOME/samtale/targets.json)",
                                     "the targets file (default: $XDG_CONFIG_HOME/samtale/targets.json)")
    static let stdinHelp = text("send teksten fra standard input", "post the text read from standard input")
    static let sessionHelp = text("send en samtales opsummering", "post a conversation's summary")
    static let forceHelp = text("send igen, selv om målet allerede har fået dagens spørgsmål",
                                "post again, even if the target already had the day's question")
    static let dryRunHelp = text("vis forespørgslen uden at sende den", "print the request without sending it")
    static let retriesHelp = text("højst så mange forsøg (standard 5)", "at most this many attempts (default 5)")
    static let retryForHelp = text("prøv igen i højst så mange sekunder (standard 120)",
                                   "retry for at most this many seconds (default 120)")
    static let timeoutHelp = text("sekunder til hele forespørgslen (standard 30)",
                                  "seconds for the whole request (default 30)")
    static let connectTimeoutHelp = text("sekunder til at få forbindelse (standard 10)",
                                         "seconds to connect (default 10)")
}

extension String {
    /// The string followed by spaces up to `width` characters, or with two spaces where it is as long or longer.
    func padding(to width: Int) -> String {
        count < width ? self + String(repeating: " ", count: width - count) : self + "  "
    }
}
