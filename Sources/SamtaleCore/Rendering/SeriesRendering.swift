// MARK: - Series

extension Series {
    /// The series for `sessions series NAME`: its conversations (day, status, id) and the agreements still open
    /// across them, each with the day it was made and its status where it is under way or carried on.
    public func markdown(language: Language) -> String {
        var lines = ["# \(Strings.seriesTitle(name)[language].markdownLine)", ""]
        if let leader { lines.append("- \(Strings.exportLeader[language]): \(leader.markdownLine)") }
        lines += ["", "## \(Strings.seriesConversations[language])", ""]
        lines += sessions.map { session in
            "- \(Strings.day(session.conversation.startedAt)[language]) – \(session.conversation.script.title) – "
                + "\(Strings.status(session.status)[language]) – `\(session.id)`"
        }
        lines += ["", "## \(Strings.openAgreements[language])", ""]
        let open = open
        lines +=
            open.isEmpty
            ? [Strings.noOpenAgreements[language]]
            : open.map { agreement in
                "- **\(agreement.what.markdownLine)**"
                    + Strings.earlierParticulars(agreement, status: agreement.status?.label)[language].markdownLine
            }
        return (lines.joined(separator: "\n") + "\n").withoutControlCharacters
    }

    /// The series as JSON: the name, the leader, each conversation as `sessions list` lists it, and the open
    /// agreements as the session record writes an earlier agreement.
    public var json: JSONValue {
        .object(
            [JSONMember("name", .string(name))]
                + (leader.map { [JSONMember("leader", .string($0))] } ?? []) + [
                    JSONMember("sessions", .array(sessions.map(\.listRow))),
                    JSONMember("open", .array(open.map(SessionRecord.value(of:)))),
                ])
    }
}
