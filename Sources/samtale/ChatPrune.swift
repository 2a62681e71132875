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
        for id in pruned.sessions { System.printOut(id.description) }
        for line in prunedMessages(pruned, inactiveDays: configuration.inactiveDays, dryRun: dryRun) {
            System.printError("samtale: \(line[language])")
        }
        return 0
    }

    /// What pruning did: the conversations, and the files of the day's answers where there were any.
    static func prunedMessages(
        _ pruned: PrunedChat, inactiveDays: Int, dryRun: Bool
    ) -> [Localized] {
        [CommandLineStrings.chatPruned(pruned.sessions.count, inactiveDays: inactiveDays, dryRun: dryRun)]
            + (pruned.answerFiles > 0
                ? [
                    CommandLineStrings.reflectionAnswersPruned(
                        pruned.answerFiles, before: pruned.before, dryRun: dryRun)
                ]
                : [])
    }

    /// What chat keeps longer than `inactiveDays` allows, deleted (with `dryRun`, only counted): the conversations
    /// without activity for that long, and the day's answers to the days before today less that many days. The one
    /// way to prune, for `chat prune` and a long-running chat server alike.
    static func pruneChat(
        store: SessionStore, inactiveDays: Int, dryRun: Bool
    ) throws(CommandError) -> PrunedChat {
        let sessions: [SessionID]
        do {
            sessions = try store.pruneChatSessions(inactiveDays: inactiveDays, now: System.instant, dryRun: dryRun)
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

/// What pruning deleted (or with `--dry-run` would delete): the conversations, and how many files of the day's
/// answers, those of the days before `before`.
struct PrunedChat {
    let sessions: [SessionID]
    let answerFiles: Int
    let before: CivilDate
}
