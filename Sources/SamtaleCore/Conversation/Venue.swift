// MARK: - Venue

/// Where a conversation is held, for the few texts that say how to answer or where the record is kept. A terminal
/// (and a program beside it, through the protocol) takes an empty answer and keeps the record on that computer; chat
/// cannot send an empty message, takes its commands as plain words, and keeps the record on the server that runs
/// samtale.
public enum Venue: Sendable {
    case terminal
    case chat
}
