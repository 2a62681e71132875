/// The limits of the HTTP the chat server speaks, in one place: the parser enforces the sizes, the front door the
/// times.
///
/// Chat platforms send one small request and wait a few seconds for the reply (Slack 3 s, Teams 5 s), so a client
/// that needs longer than these to send its request is not a platform, and is cut off before it holds up anyone else.
public enum HTTPLimits {
    /// The request line (method, target and version): a longer one is answered 414.
    public static let requestLineBytes = 8 * 1024
    /// The whole head (request line, header lines and the blank line ending them): a longer one is answered 431.
    public static let headBytes = 16 * 1024
    /// The body, which every platform keeps far below this: a longer `Content-Length` is answered 413.
    public static let bodyBytes = 64 * 1024
    /// Seconds from accepting the connection to the end of the head, however the bytes trickle in: then 408 and
    /// close.
    public static let headSeconds = 5.0
    /// Seconds from the end of the head to the end of the body: then 408 and close.
    public static let bodySeconds = 10.0
    /// Seconds from the response being ready to the client having taken all of it: a client that does not read its
    /// response is dropped (`chat serve --listen`).
    public static let writeSeconds = 10.0
    /// Connections `chat serve --listen` holds open at once unless `--max-connections` says otherwise: hundreds,
    /// so that a few slow clients never lock the platforms out. More wait in the kernel's queue until one closes.
    public static let connections = 512
}
