import SamtaleCore
import WebhookAdapter

/// `samtale post`: the day's question (or a text, or a session's summary) to a team's chat through its webhook.
extension Commands {

    /// A target that cannot be posted to (its variable unset, its deck unknown): told, while the others are posted.
    struct Failure {
        let label: String
        let reason: Localized
    }

    static func post(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: .post)
        try parsed.expectPositionals(atMost: 0)
        let targetName = try parsed.value("--target")
        let sources = [parsed.flag("--all"), targetName != nil, try parsed.value("--url") != nil].filter { $0 }.count
        guard sources <= 1 else { throw .usage(CommandLineStrings.postOneDestination, command: .post) }
        let settings = DeliveryStateMachine.Settings(
            policy: RetryPolicy(
                attempts: try bounded(parsed, "--retries", default: 5, unit: CommandLineStrings.postUnitAttempts),
                cap: Double(try bounded(parsed, "--retry-for", default: 120))
            ),
            connectTimeout: Double(try bounded(parsed, "--connect-timeout", default: 10)),
            timeout: Double(try bounded(parsed, "--timeout", default: 30)), headers: PostRequest.headers
        )
        let (posts, failures, daysOff) =
            parsed.flag("--all") || targetName != nil
            ? try targetPosts(parsed, language: language) : try urlPost(parsed, language: language)
        var code: Int32 = 0
        for failure in failures {
            System.printError(
                "samtale: \(CommandLineStrings.postTargetFailed(failure.label, reason: failure.reason)[language])")
            code = worse(code, 64)
        }
        if posts.isEmpty && failures.isEmpty { tellNothingDue(daysOff, language: language) }
        if parsed.flag("--dry-run") {
            for post in posts { System.printOut(post.address.redacting(dryRun(post)).withoutControlCharacters) }
            return code
        }
        guard !posts.isEmpty else { return code }
        let ledger = try PostLedgerFile()
        try ledger.lock()
        let delivery = PostDelivery(settings: settings, ledger: ledger, language: language)
        let posted = try ledger.entries(language: language)
        return worse(code, try delivery.run(posts, posted: posted, force: parsed.flag("--force")))
    }

    /// Why nothing is posted: each day off as `prompt` tells it (once, however many targets it stopped), else that
    /// no target is due.
    private static func tellNothingDue(_ daysOff: [Localized], language: Language) {
        var told: Set<String> = []
        for dayOff in daysOff where told.insert(dayOff[language]).inserted {
            System.printError("samtale: \(dayOff[language])")
        }
        if daysOff.isEmpty { System.printError("samtale: \(CommandLineStrings.postNothingDue[language])") }
    }

    /// The exit code of a run with several outcomes: the first of 75, 64, 69 that any target had, else 0.
    /// 75 comes first because it alone is mended by running again (the systemd unit does so, and the ledger keeps
    /// what was delivered from being posted twice): a broken target must not stop the retry of a temporary failure.
    /// A target's own setup (64) comes before a platform's refusal (69).
    static func worse(_ code: Int32, _ other: Int32) -> Int32 {
        let order: [Int32] = [75, 64, 69, 0]
        return (order.firstIndex(of: other) ?? 0) < (order.firstIndex(of: code) ?? 0) ? other : code
    }

    // MARK: What is posted

    /// `--url` (or SAMTALE_WEBHOOK_URL): the day's prompt from the command line's options, `--stdin`, or `--session`;
    /// no post but the reason when the day does not count.
    private static func urlPost(
        _ parsed: Arguments, language: Language
    ) throws(CommandError) -> ([Post], [Failure], [Localized]) {
        guard
            let url = try parsed.value("--url")
                ?? System.environment("SAMTALE_WEBHOOK_URL").flatMap({ $0.isEmpty ? nil : $0 })
        else { throw .usage(CommandLineStrings.postNoURL, command: .post) }
        let address = try webhookAddress(url, platform: try parsed.choice("--platform", as: Platform.self))
        let label = address.redacted
        let session = try parsed.value("--session")
        if parsed.flag("--stdin") || session != nil {
            guard !parsed.flag("--stdin") || session == nil else {
                throw .usage(CommandLineStrings.postOneMessage, command: .post)
            }
            let message =
                if let session { try summaryMessage(session, language: language) } else {
                    try standardInputMessage(language: language)
                }
            let body = JSONWriter.string(message.payload(for: address.platform))
            return ([Post(label: label, address: address, body: body, ledger: nil)], [], [])
        }
        let catalog = try loadCatalog(parsed, language: language)
        switch try choosePrompt(try promptOptions(parsed), in: catalog, command: .post) {
        case .prompt(let prompt):
            let ledgerName = "url-" + Self.fingerprint(address.url)
            let post = promptPost(prompt, address: address, label: label, ledgerName: ledgerName, language: language)
            return ([post], [], [])
        case .dayOff(let date, let exclusion):
            return ([], [], [Strings.dayOff(date, exclusion)])
        }
    }

    /// `--all` (every target due today) or `--target NAME`, from the targets file; a target that cannot be posted
    /// to is a failure of its own, and the others are still posted; the days off of the targets not posted to.
    private static func targetPosts(
        _ parsed: Arguments,
        language: Language
    ) throws(CommandError) -> ([Post], [Failure], [Localized]) {
        for option in ["--url", "--platform", "--session"] where (try parsed.value(option)) != nil {
            throw .usage(CommandLineStrings.postOptionWithTargets(option), command: .post)
        }
        if parsed.flag("--stdin") { throw .usage(CommandLineStrings.postOptionWithTargets("--stdin"), command: .post) }
        let (path, targets) = try loadTargets(parsed, language: language)
        let catalog = try loadCatalog(parsed, language: language)
        let options = try promptOptions(parsed)
        var chosen = targets
        if let name = try parsed.value("--target") {
            guard let target = targets.first(where: { $0.name == name }) else {
                throw .usage(
                    CommandLineStrings.postUnknownTarget(name, path: path, known: targets.map(\.name)), command: .post)
            }
            chosen = [target]
        }
        var posts: [Post] = []
        var failures: [Failure] = []
        var daysOff: [Localized] = []
        let weekday = (options.date ?? System.today).weekday
        for target in chosen where !parsed.flag("--all") || target.weekdays.contains(weekday) {
            do {
                switch try targetPost(target, options: options, catalog: catalog, language: language) {
                case .posted(let post): posts.append(post)
                case .dayOff(let reason): daysOff.append(reason)
                }
            } catch {
                // A usage error here is the target's own (its variable, URL, deck, role or theme).
                guard case .usage(let reason, _) = error else { throw error }
                failures.append(Failure(label: target.name, reason: reason))
            }
        }
        return (posts, failures, daysOff)
    }

    /// What one target gets: the day's question, or why the day does not count for it.
    private enum TargetOutcome {
        case posted(Post)
        case dayOff(Localized)
    }

    /// The day's question for one target, or why the day does not count for it.
    private static func targetPost(
        _ target: WebhookTarget, options: PromptOptions, catalog: Catalog,
        language: Language
    ) throws(CommandError) -> TargetOutcome {
        let request = target.prompt.overriding(options)
        let url: String
        switch target.url {
        case .inline(let text): url = text
        case .variable(let name):
            guard let value = System.environment(name), !value.isEmpty else {
                throw .usage(CommandLineStrings.postMissingVariable(name, target: target.name), command: .post)
            }
            url = value
        }
        let address = try webhookAddress(url, platform: target.platform)
        switch try choosePrompt(request, in: catalog, command: .post) {
        case .prompt(let prompt):
            return .posted(
                promptPost(
                    prompt, address: address, label: target.name, ledgerName: target.name,
                    language: target.language ?? language))
        case .dayOff(let date, let exclusion):
            return .dayOff(Strings.dayOff(date, exclusion))
        }
    }

    private static func promptPost(
        _ prompt: Prompt, address: WebhookAddress, label: String, ledgerName: String,
        language: Language
    ) -> Post {
        let message = WebhookMessage(prompt: prompt, language: language)
        return Post(
            label: label, address: address, body: JSONWriter.string(message.payload(for: address.platform)),
            ledger: LedgerEntry(target: ledgerName, date: prompt.date, question: prompt.text))
    }

    private static func standardInputMessage(language: Language) throws(CommandError) -> WebhookMessage {
        let text: String
        do {
            text = String(decoding: try System.readStandardInput(), as: UTF8.self)
        } catch {
            throw .missingInput(Strings.cannotRead(error.path, reason: error.reason))
        }
        guard !text.trimmingWhitespace.isEmpty else {
            throw .usage(CommandLineStrings.postEmptyStandardInput, command: .post)
        }
        return WebhookMessage(text: text, language: language)
    }

    private static func summaryMessage(_ id: String, language: Language) throws(CommandError) -> WebhookMessage {
        let session = try loadSession(try sessionID(id, command: .post), from: try sessionStore())
        return WebhookMessage(summaryOf: session, language: language)
    }

    // MARK: Helpers

    private static func webhookAddress(_ url: String, platform: Platform?) throws(CommandError) -> WebhookAddress {
        do {
            return try WebhookAddress(parsing: url, platform: platform)
        } catch {
            throw .usage(CommandLineStrings.postBadURL(error.message), command: .post)
        }
    }

    /// A short, stable name for a URL in the ledger that does not give the URL away: part of its SHA-256.
    private static func fingerprint(_ url: String) -> String {
        Base64URL.encode(Array(SHA256.hash(Array(url.utf8)).prefix(9)))
    }

    /// A whole number option within its range: every clock and counter downstream holds it (`samtale-http` turns
    /// seconds into nanoseconds). Anything else names the option and the range.
    private static func bounded(
        _ parsed: Arguments, _ option: String, default value: Int,
        unit: Localized = CommandLineStrings.postUnitSeconds
    ) throws(CommandError) -> Int {
        try parsed.integer(option, unit: unit) ?? value
    }

    /// The request as it would be sent, with the URL cut to its scheme and host (and cut from the body by the caller).
    private static func dryRun(_ post: Post) -> String {
        let headers = PostRequest.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
        return
            "POST \(post.address.redacted)/… (\(post.address.platform.rawValue), "
            + "\(post.label))\n\(headers)\n\n\(post.body)\n"
    }

    /// The targets file: `--config FILE`, else `$XDG_CONFIG_HOME/samtale/targets.json` (or `~/.config/…`).
    static func loadTargets(_ parsed: Arguments, language: Language) throws(CommandError) -> (String, [WebhookTarget]) {
        let (path, bytes) = try readConfigFile(parsed, named: "targets.json", notFound: CommandLineStrings.postNoConfig)
        do {
            let targets = try TargetsFile.decode(bytes)
            warnIfReadableByOthers(path, targets: targets, language: language)
            return (path, targets)
        } catch {
            throw .badData([DataFileError(file: path, issues: error.issues)])
        }
    }

    /// A configuration file's path and bytes: `--config FILE`, else `NAME` where `defaultConfigPath` finds it.
    static func readConfigFile(
        _ parsed: Arguments, named name: String, notFound: Localized
    ) throws(CommandError) -> (String, [UInt8]) {
        guard let path = try parsed.value("--config") ?? defaultConfigPath(name) else {
            throw .missingInput(notFound)
        }
        do {
            return (path, try System.readFile(path))
        } catch {
            throw .missingInput(Strings.cannotRead(error.path, reason: error.reason))
        }
    }

    static func defaultTargetsPath() -> String? {
        defaultConfigPath("targets.json")
    }

    /// A configuration file of samtale's: `$XDG_CONFIG_HOME/samtale/NAME`, or `~/.config/samtale/NAME`.
    static func defaultConfigPath(_ name: String) -> String? {
        if let config = System.environment("XDG_CONFIG_HOME"), config.hasPrefix("/") {
            return config + "/samtale/" + name
        }
        return System.environment("HOME").map { $0 + "/.config/samtale/" + name }
    }

    /// A URL written in the file is a secret in the file: say so when others may read it.
    static func warnIfReadableByOthers(_ path: String, targets: [WebhookTarget], language: Language) {
        guard targets.contains(where: { if case .inline = $0.url { true } else { false } }) else { return }
        if FileSystem.isReadableByOthers(path) {
            System.printError("samtale: \(CommandLineStrings.postConfigReadable(path)[language])")
        }
    }
}
