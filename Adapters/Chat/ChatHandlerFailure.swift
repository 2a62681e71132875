import SamtaleCore

// MARK: - ChatHandlerFailure

/// Why a message could not be answered: a session, or the day's answers, could not be read or kept.
enum ChatHandlerFailure: ExplainedError {
    case session(SessionStoreError)
    case reflection(ReflectionStoreError)

    var message: Localized {
        switch self {
        case .session(let error): error.message
        case .reflection(let error): error.message
        }
    }

    /// The result of a session store's call, its error as a failure of the handler.
    static func session<Result>(_ body: () throws(SessionStoreError) -> Result) throws(ChatHandlerFailure) -> Result {
        do {
            return try body()
        } catch {
            throw .session(error)
        }
    }
}
