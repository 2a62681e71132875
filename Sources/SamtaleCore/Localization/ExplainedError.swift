// MARK: - ExplainedError

/// An error a person reads: its message in every interface language, written by the error's owner. Every error that
/// reaches a user conforms, so a front door (command line, protocol, chat) shows `error.message[language]` and never
/// needs a switch of its own, let alone a `default:` that loses a message.
public protocol ExplainedError: Error {
    var message: Localized { get }
}
