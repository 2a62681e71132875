import ChatAdapter
import SamtaleCore

/// `samtale chat prune`: deletes the conversations started in chat that have had no activity for longer than
/// `inactiveDays` of `chat.json`, for a systemd timer or cron; the ids on standard output, the count on standard error.
extension Commands {
    static func chatPrune(_ parsed: Arguments, language: Language) throws(CommandError) -> Int32 {
        let configuration = try loadChatConfiguration(parsed)
        let dryRun = parsed.flag("--dry-run")
        let store = try sessionStore()
        let pruned: [SessionID]
        do {
            pruned = try store.pruneChatSessions(
                inactiveDays: configuration.inactiveDays, now: System.instant, dryRun: dryRun)
        } catch {
            throw storeError(error)
        }
        for id in pruned { System.printOut(id.description) }
        let summary = CommandLineStrings.chatPruned(
            pruned.count, inactiveDays: configuration.inactiveDays, dryRun: dryRun)
        System.printError("samtale: \(summary[language])")
        return 0
    }
}
