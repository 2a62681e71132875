import Foundation
import Testing

/// `samtale chat prune` through the built binary: the conversations from chat inactive for longer than
/// `inactiveDays` go, with their thread's replies; a conversation of the terminal stays, however old.
@Suite struct ChatPruneTests {
    @Test func conversationsFromChatInactiveForLongerThanTheDaysAreDeletedAndNamed() throws {
        let server = try ChatCGITests.Server()
        _ = try server.zulip("hej", id: 1)
        _ = try server.zulip("Jeg holder fast i borgerens behov", id: 2)
        let session = try #require(try server.savedFiles().first { !$0.hasSuffix(".replies.json") }).dropLast(5)
        let answers = server.folder.appendingPathComponent("answers.txt")
        try Data("Et svar\n".utf8).write(to: answers)
        let talk = try Samtale.run(
            ["talk", "--flow", "one-to-one", "--role", "medarbejder", "--theme", "sammen sikrer"], in: server.folder,
            environment: server.environment, standardInput: answers)
        #expect(talk.status == 0)
        #expect(try server.savedFiles().count == 3)
        let prune = ["chat", "prune", "--config", server.folder.appendingPathComponent("chat.json").path]

        let early = try server.samtale(prune, at: "2026-12-30T09:59:00+01:00")
        #expect(early.status == 0)
        #expect(early.stdout.isEmpty)
        #expect(early.stderr == "samtale: ingen chatsamtaler har været uden aktivitet i mere end 30 dage\n")
        // The thread's replies were kept for ten minutes only.
        #expect(try server.savedFiles().count == 2)

        let dryRun = try server.samtale(prune + ["--dry-run", "--lang", "en"], at: "2026-12-30T10:01:00+01:00")
        #expect(dryRun.stdout == "\(session)\n")
        #expect(
            dryRun.stderr
                == "samtale: 1 chat conversation would be deleted (inactive for more than 30 days); nothing was deleted\n"
        )
        #expect(try server.savedFiles().count == 2)

        let pruned = try server.samtale(prune, at: "2026-12-30T10:01:00+01:00")
        #expect(pruned.status == 0)
        #expect(pruned.stdout == "\(session)\n")
        #expect(pruned.stderr == "samtale: 1 chatsamtale er slettet (uden aktivitet i mere end 30 dage)\n")
        let left = try server.savedFiles()
        #expect(left.count == 1 && !left[0].contains("replies") && !left[0].hasPrefix(session), "\(left)")
    }

    /// The day's answers given in chat are kept as long as a conversation: those of the days before today less
    /// `inactiveDays` go.
    @Test func answersToTheDaysQuestionOlderThanTheDaysAreDeleted() throws {
        let server = try ChatCGITests.Server()
        let answers = server.sessionsFolder.appendingPathComponent("reflections")
        try FileManager.default.createDirectory(at: answers, withIntermediateDirectories: true)
        for day in ["2026-11-30", "2026-12-01"] {
            try Data("{}".utf8).write(to: answers.appendingPathComponent("0123456789abcdef0123.\(day).json"))
        }
        let prune = ["chat", "prune", "--config", server.folder.appendingPathComponent("chat.json").path]
        let dryRun = try server.samtale(prune + ["--dry-run"], at: "2026-12-31T10:00:00+01:00")
        #expect(dryRun.status == 0)
        #expect(
            dryRun.stderr
                == "samtale: ingen chatsamtaler har været uden aktivitet i mere end 30 dage\n"
                + "samtale: svarene på dagens spørgsmål fra før 2026-12-01 ville blive slettet (1 fil); intet er slettet\n"
        )
        // The folder also holds the lock its store takes.
        func days() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: answers.path).filter { $0.hasSuffix(".json") }.sorted()
        }
        #expect(try days().count == 2)
        let pruned = try server.samtale(prune + ["--lang", "en"], at: "2026-12-31T10:00:00+01:00")
        #expect(pruned.status == 0)
        #expect(
            pruned.stderr.hasSuffix(
                "samtale: the answers to the day's question from before 2026-12-01 have been deleted (1 file)\n"))
        #expect(try days() == ["0123456789abcdef0123.2026-12-01.json"])
    }

    /// A session file that cannot be read may hold a conversation from chat: it is named with what to do, and
    /// deleting it takes the replies kept under its id, which it can no longer name.
    @Test func aDamagedSessionIsNamedAndDeletingItTakesItsReplies() throws {
        let server = try ChatCGITests.Server()
        _ = try server.zulip("hej", id: 1)
        let session = try #require(try server.savedFiles().first { !$0.hasSuffix(".replies.json") }).dropLast(5)
        try Data("{\"id\":".utf8).write(to: server.sessionsFolder.appendingPathComponent("\(session).json"))
        let prune = ["chat", "prune", "--config", server.folder.appendingPathComponent("chat.json").path]
        let pruned = try server.samtale(prune, at: "2026-11-30T10:05:00+01:00")
        #expect(pruned.status == 0)
        #expect(pruned.stdout.isEmpty)
        #expect(
            pruned.stderr
                == "samtale: ingen chatsamtaler har været uden aktivitet i mere end 30 dage\n"
                + "samtale: samtalen \(session) kan ikke læses, så det kan ikke afgøres, om den skal slettes; undersøg "
                + "den med `samtale sessions show \(session)` eller slet den med `samtale sessions delete \(session)`\n"
        )
        #expect(try server.savedFiles() == ["\(session).json", "\(session).replies.json"])
        #expect(try server.samtale(["sessions", "delete", String(session)]).status == 0)
        #expect(try server.savedFiles().isEmpty)
    }

    /// A thread that only answered the day's question has no conversation to take its replies with it: any prune
    /// deletes them once they are older than the platforms' retries, and leaves younger ones.
    @Test func repliesOlderThanTenMinutesGoWithAnyPrune() throws {
        let server = try ChatCGITests.Server()
        try FileManager.default.createDirectory(at: server.sessionsFolder, withIntermediateDirectories: true)
        let replies = server.sessionsFolder.appendingPathComponent("0123456789abcdefghjkmnpqrs.replies.json")
        try Data(#"[{"id": "9", "at": \#(ChatCGITests.nowSeconds), "text": "Tak for dit svar"}]"#.utf8).write(
            to: replies)
        let prune = ["chat", "prune", "--config", server.folder.appendingPathComponent("chat.json").path]
        #expect(try server.samtale(prune + ["--dry-run"], at: "2026-11-30T10:11:00+01:00").status == 0)
        #expect(try server.samtale(prune, at: "2026-11-30T10:10:00+01:00").status == 0)
        #expect(try server.savedFiles() == ["0123456789abcdefghjkmnpqrs.replies.json"])
        #expect(try server.samtale(prune, at: "2026-11-30T10:10:01+01:00").status == 0)
        #expect(try server.savedFiles().isEmpty)
    }

    @Test func pruneTakesOnlyItsOwnOptions() throws {
        let server = try ChatCGITests.Server()
        let config = server.folder.appendingPathComponent("chat.json").path
        let stdio = try server.samtale(["chat", "prune", "--stdio", "--config", config])
        #expect(stdio.status == 64)
        #expect(stdio.stderr.hasPrefix("samtale: --stdio kan ikke bruges med chat prune\n"))
        let dryRun = try server.samtale(["chat", "cgi", "--dry-run", "--config", config])
        #expect(dryRun.status == 64)
        #expect(dryRun.stderr.hasPrefix("samtale: --dry-run kan ikke bruges med chat cgi\n"))
    }
}
