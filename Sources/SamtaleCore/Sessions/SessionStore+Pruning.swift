// MARK: - Pruning conversations started in chat

extension SessionStore {
    /// Deletes the conversations started in chat that nothing has changed for more than `inactiveDays` days before
    /// `now`, each with its thread's replies, and gives their ids (with `dryRun`, those it would delete, deleting
    /// nothing). A conversation of the terminal or the protocol is never touched, nor one whose time of its last
    /// change cannot be read. Each is judged again under the folder's lock as it is deleted, so one that a message
    /// moved meanwhile stays. A file that cannot be read as a session is named among the `unreadable`: nobody can
    /// tell whether it came from chat, so a person has to look at it rather than have it kept forever unseen.
    ///
    /// `chat prune` runs it from a timer; a long-running chat server can call it as often as it likes.
    public func pruneChatSessions(
        inactiveDays: Int, now: Timestamp, dryRun: Bool = false
    ) throws(SessionStoreError) -> ChatSessionsPruned {
        let oldest = now.secondsSinceEpoch - Int64(inactiveDays) * 86_400
        func isInactive(_ session: Session?) -> Bool {
            guard let session, session.setup.chat != nil, let updated = Timestamp(iso: session.updatedAt) else {
                return false
            }
            return updated.secondsSinceEpoch < oldest
        }
        var pruned = ChatSessionsPruned()
        for id in try list() {
            var readable = true
            // Deleting hands over nil for a file it cannot read as a session.
            let judge = { (session: Session?) -> Bool in
                readable = session != nil
                return isInactive(session)
            }
            do {
                if dryRun ? judge(try load(id)) : try delete(id, if: judge) { pruned.deleted.append(id) }
            } catch .notFound {
                // Deleted since it was listed.
            } catch .damaged, .notAFile, .tooLarge {
                readable = false
            }
            if !readable { pruned.unreadable.append(id) }
        }
        return pruned
    }
}

/// What `pruneChatSessions` did: the conversations it deleted (or would delete), and the files it could not judge.
public struct ChatSessionsPruned: Equatable, Sendable {
    public var deleted: [SessionID] = []
    /// Sessions whose file cannot be read as one, so whether they came from chat and when they last changed is
    /// unknown; they are kept.
    public var unreadable: [SessionID] = []
}
