// MARK: - Pruning conversations started in chat

extension SessionStore {
    /// Deletes the conversations started in chat that nothing has changed for more than `inactiveDays` days before
    /// `now`, each with its thread's replies, and gives their ids (with `dryRun`, those it would delete, deleting
    /// nothing). A conversation of the terminal or the protocol is never touched, nor one whose time of its last
    /// change cannot be read. Each is judged again under the folder's lock as it is deleted, so one that a message
    /// moved meanwhile stays.
    ///
    /// `chat prune` runs it from a timer; a long-running chat server can call it as often as it likes.
    public func pruneChatSessions(
        inactiveDays: Int, now: Timestamp, dryRun: Bool = false
    ) throws(SessionStoreError) -> [SessionID] {
        let oldest = now.secondsSinceEpoch - Int64(inactiveDays) * 86_400
        func isInactive(_ session: Session?) -> Bool {
            guard let session, session.setup.chat != nil, let updated = Timestamp(iso: session.updatedAt) else {
                return false
            }
            return updated.secondsSinceEpoch < oldest
        }
        var pruned: [SessionID] = []
        for id in try list() {
            do {
                if dryRun ? isInactive(try load(id)) : try delete(id, if: isInactive) { pruned.append(id) }
            } catch .notFound, .damaged, .notAFile, .tooLarge {
                // Deleted since it was listed, or no conversation samtale can tell the origin of: neither is pruned.
            }
        }
        return pruned
    }
}
