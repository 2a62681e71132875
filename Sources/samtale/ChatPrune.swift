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
        let summary = CommandLineStrings.chatPruned(
            pruned.sessions.count, inactiveDays: configuration.inactiveDays, dryRun: dryRun)
        System.printError("samtale: \(summary[language])")
        if pruned.answerFiles > 0 {
            let answers = CommandLineStrings.reflectionAnswersPruned(
                pruned.answerFiles, before: pruned.before, dryRun: dryRun)
            System.printError("samtale: \(answers[language])")
        }
        return 0
    }

    /// What chat keeps longer than `inactiveDays` allows, deleted (with `dryRun`, only counted): the conversations
    /// without activity for that long, and the day's answers to the days before today less that many days. The one
    /// way to prune, for `chat prune` and a long-running chat server alike.
    static func pruneChat(
        store: SessionStore, inactiveDays: Int, dryRun: Bool
    ) throws(CommandError) -> (sessions: [SessionID], answerFiles: Int, before: CivilDate) {
        let sessions: [SessionID]
        do {
            sessions = try store.pruneChatSessions(inactiveDays: inactiveDays, now: System.instant, dryRun: dryRun)
        } catch {
            throw storeError(error)
        }
        let before = CivilDate(daysSinceEpoch: System.today.daysSinceEpoch - inactiveDays)
        let answers = ReflectionStore(directory: store.directory + "/" + ChatHandler.reflectionsFolder)
        do {
            return (sessions, try answers.prune(before: before, dryRun: dryRun), before)
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
