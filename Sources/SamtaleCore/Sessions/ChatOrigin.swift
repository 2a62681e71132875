// MARK: - ChatOrigin

/// Where a conversation started in chat came from: kept in its setup so that `sessions list` can say so, `chat prune`
/// deletes only such conversations, and deleting one takes the thread's kept replies with it.
public struct ChatOrigin: Codable, Hashable, Sendable {
    /// The platform's id as `chat.json` names it (`teams`, `zulip`, …): the core knows no platforms.
    public var platform: String
    /// The endpoint's path in `chat.json`.
    public var endpoint: String
    /// The id of the thread's first conversation, beside which the thread's replies are kept
    /// (`ID.replies.json`).
    public var thread: SessionID

    public init(platform: String, endpoint: String, thread: SessionID) {
        self.platform = platform
        self.endpoint = endpoint
        self.thread = thread
    }

    /// The name of the file beside the sessions that keeps the thread's latest replies.
    public var repliesFileName: String {
        Self.repliesFileName(of: thread)
    }

    /// The name of the replies file of the thread whose first conversation has the id `thread`.
    public static func repliesFileName(of thread: SessionID) -> String {
        "\(thread).replies.json"
    }
}
