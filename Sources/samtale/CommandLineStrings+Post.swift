import SamtaleCore

// MARK: - Texts of `samtale post`

/// What `samtale post` says of its own options, targets file, ledger and helper program.
extension CommandLineStrings {
    static let postOneDestination = text("brug én af --url, --target og --all", "use one of --url, --target and --all")
    static let postOneMessage = text("brug enten --stdin eller --session", "use either --stdin or --session")
    static let postNoURL = text(
        "mangler en webhook: sæt SAMTALE_WEBHOOK_URL, eller brug --target NAVN, --all eller --url URL",
        "no webhook given: set SAMTALE_WEBHOOK_URL, or use --target NAME, --all or --url URL"
    )
    static let postNothingDue = text("intet at sende i dag", "nothing to post today")
    static let postEmptyStandardInput = text(
        "standard input er tom: intet at sende", "standard input is empty: nothing to post")
    static let postNoConfig = text(
        "finder ikke en målfil: brug --config FIL, eller sæt XDG_CONFIG_HOME eller HOME",
        "cannot find a targets file: use --config FILE, or set XDG_CONFIG_HOME or HOME"
    )
    static let httpHelperStopped = text(
        "samtale-http stoppede uventet; intet er registreret som sendt, som ikke blev bekræftet",
        "samtale-http stopped unexpectedly; nothing was recorded as posted that was not confirmed"
    )

    static func httpHelperMissing(_ path: String) -> Localized {
        text(
            "kan ikke starte \(path): samtale-http skal ligge ved siden af samtale (swift build bygger begge)",
            "cannot start \(path): samtale-http must be next to samtale (swift build builds both)")
    }

    static func postOptionWithTargets(_ option: String) -> Localized {
        text(
            "\(option) kan ikke bruges med --target eller --all; målene står i målfilen",
            "\(option) cannot be used with --target or --all; the targets are in the targets file")
    }

    static func postUnknownTarget(_ name: String, path: String, known: [String]) -> Localized {
        text(
            "\(path) har intet mål ved navn »\(name)«; der er: \(known.joined(separator: ", "))",
            "\(path) has no target named \"\(name)\"; there are: \(known.joined(separator: ", "))")
    }

    static func postMissingVariable(_ variable: String, target: String) -> Localized {
        text(
            "målet \(target) henter sin webhook fra \(variable), men den er ikke sat",
            "target \(target) takes its webhook from \(variable), which is not set")
    }

    static func postBadURL(_ reason: Localized) -> Localized {
        text("webhook-adressen duer ikke: \(reason.da)", "the webhook URL cannot be used: \(reason.en)")
    }

    static func postConfigReadable(_ path: String) -> Localized {
        text(
            "\(path) indeholder webhook-adresser og kan læses af andre: chmod 600 \(path), eller brug urlVariable",
            "\(path) holds webhook URLs and others can read it: chmod 600 \(path), or use urlVariable")
    }

    static func cannotWrite(_ path: String, reason: Localized) -> Localized {
        text("kan ikke skrive til \(path): \(reason.da)", "cannot write to \(path): \(reason.en)")
    }

    /// A target of `--all` that cannot be posted to, while the others are.
    static func postTargetFailed(_ label: String, reason: Localized) -> Localized {
        text("\(label): ikke sendt: \(reason.da)", "\(label): not posted: \(reason.en)")
    }

    static let postUnitSeconds = text("sekunder", "seconds")
    static let postUnitAttempts = text("forsøg", "attempts")

    /// Lines of the ledger that a crash cut short: they never confirmed a delivery, so they do not count.
    static func postLedgerTorn(_ path: String, lines: [Int]) -> Localized {
        let numbers = Strings.listing(lines.map(String.init))
        return lines.count == 1
            ? text(
                "\(path): linje \(numbers.da) er ufuldstændig (en registrering i logbogen, der blev afbrudt) og tæller "
                    + "ikke med som sendt",
                "\(path): line \(numbers.en) is incomplete (a ledger record cut short) and does not count as posted")
            : text(
                "\(path): linje \(numbers.da) er ufuldstændige (registreringer i logbogen, der blev afbrudt) og tæller "
                    + "ikke med som sendt",
                "\(path): lines \(numbers.en) are incomplete (ledger records cut short) and do not count as posted")
    }
}
