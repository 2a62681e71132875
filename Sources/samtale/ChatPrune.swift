import ChatAdapter
import SamtaleCore

/// `samtale chat prune`: deletes the conversations started in chat that have had no activity for longer than
/// `inactiveDays` of `chat.json`, and the day's answers given in chat longer ago than that, for a systemd timer or
/// cron; the ids on standard output, the counts on standard error.
extension Commands {
    static func chatPrune(_ parsed: Arguments, language: Language) throws(CommandError) -> Int32 {
        let configuration = try loadChatConfiguration(parsed)
        let dryRun = parsed.flag("--dry-run")
        let pruned = try pruneChat(
            store: try sessionStore(), inactiveDays: configuration.inactiveDays, dryRun: dryRun)
        for id in pruned.sessions.deleted { System.printOut(id.description) }
        for line in prunedMessages(pruned, inactiveDays: configuration.inactiveDays, dryRun: dryRun) {
            System.printError("samtale: \(line[language])")
        }
        return 0
    }

    /// What pruning did: the conversations, the files of the day's answers where there were any, and each session
    /// it could not judge.
    static func prunedMessages(
        _ pruned: PrunedChat, inactiveDays: Int, dryRun: Bool
    ) -> [Localized] {
        [CommandLineStrings.chatPruned(pruned.sessions.deleted.count, inactiveDays: inactiveDays, dryRun: dryRun)]
            + (pruned.answerFiles > 0
                ? [
                    CommandLineStrings.reflectionAnswersPruned(
                        pruned.answerFiles, before: pruned.before, dryRun: dryRun)
                ]
                : []) + pruned.sessions.unreadable.map(CommandLineStrings.chatPruneCannotJudge)
    }

    /// What chat keeps longer than `inactiveDays` allows, deleted (with `dryRun`, only counted): the conversations
    /// without activity for that long, and the day's answers to the days before today less that many days; and
    /// the replies kept for the platforms' retries once they are older than those wait (not counted, as they only
    /// ever hold what can be lost). The one way to prune, for `chat prune` and a long-running chat server alike.
    static func pruneChat(
        store: SessionStore, inactiveDays: Int, dryRun: Bool
    ) throws(CommandError) -> PrunedChat {
        let sessions: ChatSessionsPruned
        do {
            sessions = try store.pruneChatSessions(inactiveDays: inactiveDays, now: System.instant, dryRun: dryRun)
            if !dryRun { try ChatReplies.prune(in: store, now: System.instant) }
        } catch {
            throw storeError(error)
        }
        let before = CivilDate(daysSinceEpoch: System.today.daysSinceEpoch - inactiveDays)
        let answers = ReflectionStore(directory: store.directory + "/" + ChatHandler.reflectionsFolder)
        do {
            return PrunedChat(
                sessions: sessions, answerFiles: try answers.prune(before: before, dryRun: dryRun), before: before)
        } catch {
            switch error {
            case .folder(let failure): throw storeError(failure)
            case .busy: throw .tryAgainLater(error.message)
            case .cannotRead, .unreadable, .damaged: throw .missingInput(error.message)
            case .cannotWrite, .full: throw .cannotCreate(error.message)
            }
        }
    }
}

/// What pruning deleted (or with `--dry-run` would delete): the conversations (and those it could not judge), and
/// how many files of the day's answers, those of the days before `before`.
struct PrunedChat {
    let sessions: ChatSessionsPruned
    let answerFiles: Int
    let before: CivilDate

    /// Whether there is anything to say: a server that prunes every hour says nothing when nothing went.
    var isWorthSaying: Bool {
        !sessions.deleted.isEmpty || answerFiles > 0 || !sessions.unreadable.isEmpty
    }
}
