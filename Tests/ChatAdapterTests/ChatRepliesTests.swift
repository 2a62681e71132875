import Foundation
import SamtaleCore
import TestSupport
import Testing

@testable import ChatAdapter

/// The replies kept for the platforms' retries stay no longer than those retries come.
@Suite struct ChatRepliesTests {
    @Test func pruningDeletesTheFilesWhoseRepliesAreAllOlderThanTheirLifetime() throws {
        try TemporaryFolders.with { folder in
            let store = SessionStore(directory: folder.path)
            let keptAt = Timestamp(secondsSinceEpoch: 1_795_680_000)
            let later = Timestamp(secondsSinceEpoch: 1_795_680_060)
            for (thread, time) in [("0123456789abcdefghjkmnpqrs", keptAt), ("1123456789abcdefghjkmnpqrs", later)] {
                var replies = ChatReplies(path: folder.path + "/\(thread).replies.json", now: time)
                try replies.keep("Tak for dit svar", for: "7", at: time)
            }
            for (name, text) in [
                ("0123456789abcdefghjkmnpqrs.replies.json.tmp", "["), ("2123456789abcdefghjkmnpqrs.replies.json", "["),
                ("3123456789abcdefghjkmnpqrs.replies.json.tmp", "["), ("noter.replies.json", "[]"),
            ] {
                try Data(text.utf8).write(to: folder.appendingPathComponent(name))
            }
            try ChatReplies.prune(in: store, now: Timestamp(secondsSinceEpoch: 1_795_680_000 + 10 * 60 + 1))
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
            #expect(left.sorted() == ["1123456789abcdefghjkmnpqrs.replies.json", "noter.replies.json"])
        }
    }
}
