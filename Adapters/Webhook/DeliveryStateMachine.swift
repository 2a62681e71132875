import SamtaleCore

/// One message to one webhook, and what the ledger records once it is delivered.
public struct Post: Equatable, Sendable {
    /// Names the post in reports: the target's name, or the redacted URL.
    public let label: String
    public let address: WebhookAddress
    public let body: String
    /// Target and question for the ledger; nil for a text or a summary, which are posted whenever asked.
    public let ledger: LedgerEntry?

    public init(label: String, address: WebhookAddress, body: String, ledger: LedgerEntry?) {
        self.label = label
        self.address = address
        self.body = body
        self.ledger = ledger
    }
}

/// The whole policy of delivering posts, as a value that takes events and answers with the actions to perform:
/// a target posted today is not posted again (unless forced); different webhooks are posted to at once, each
/// webhook's posts one after another and paced; a failure that may pass is retried by the `RetryPolicy`, never
/// sooner than the server's `Retry-After`. It performs nothing itself: no clock, no process, no file. Every
/// instant is seconds on a clock that never jumps, read by whoever performs the actions.
///
/// Every event's actions end with `.wait` or, once every post has its outcome, `.finished`.
public struct DeliveryStateMachine: Sendable {
    public enum Action: Equatable, Sendable {
        /// Hand this request to `samtale-http`; its answer comes back with the request's id.
        case send(HelperRequest)
        /// Put this delivery on record, on disk, before anything else is done, so that it is never posted twice.
        case record(LedgerEntry)
        case report(DeliveryReport)
        /// Wait for an answer, and no later than this instant, when a post or a retry falls due; nil: for an
        /// answer alone.
        case wait(until: Double?)
        /// Every post has its outcome: `samtale-http` may end.
        case finished
    }

    /// What every request carries besides its post.
    public struct Settings: Equatable, Sendable {
        public var policy: RetryPolicy
        /// Seconds to wait for a connection, then for a whole answer.
        public var connectTimeout: Double
        public var timeout: Double
        public var headers: [HelperRequest.Header]

        public init(policy: RetryPolicy, connectTimeout: Double, timeout: Double, headers: [HelperRequest.Header]) {
            self.policy = policy
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.headers = headers
        }
    }

    /// One webhook's posts, one after another: what is in progress, and what waits its turn.
    private struct WebhookQueue: Sendable {
        /// Where the post in progress stands.
        enum Current: Sendable {
            /// Nothing in progress: the next untried post goes when the pacing allows.
            case idle
            /// Sent; its answer is awaited. The retry cap counts from `firstAttempt`.
            case inFlight(post: Int, attempt: Int, firstAttempt: Double)
            /// Failed for now; tried again from `readyAt`.
            case backingOff(post: Int, attempt: Int, firstAttempt: Double, readyAt: Double)

            /// The post whose answer is awaited, if any.
            var postInFlight: Int? {
                guard case .inFlight(let post, _, _) = self else { return nil }
                return post
            }
        }

        let key: String
        var current = Current.idle
        /// Posts not yet tried, in the order they came.
        var untried: [Int]
        /// No post to this webhook starts before this instant: its pacing.
        var nextStart: Double?
    }

    private let settings: Settings
    /// Every post started, by its request id.
    private var posts: [Post] = []
    /// In the order each webhook's first post came.
    private var queues: [WebhookQueue] = []

    public init(settings: Settings) {
        self.settings = settings
    }

    // MARK: Events

    /// These posts are due at `now`: each is posted unless it is a day's question that the ledger (`posted`)
    /// already has for its target and day, which is told instead, or `force` is given; the first post to each
    /// webhook is sent. Posts may start while others are under way.
    public mutating func start(_ due: [Post], posted: [LedgerEntry], force: Bool, at now: Double) -> [Action] {
        var actions: [Action] = []
        for post in due {
            if let entry = post.ledger, !force,
                posted.contains(where: { $0.target == entry.target && $0.date == entry.date })
            {
                actions.append(.report(.alreadyPosted(label: post.label, date: entry.date)))
                continue
            }
            posts.append(post)
            if let queue = queues.firstIndex(where: { $0.key == post.address.queueKey }) {
                queues[queue].untried.append(posts.count - 1)
            } else {
                queues.append(WebhookQueue(key: post.address.queueKey, untried: [posts.count - 1]))
            }
        }
        return actions + dispatch(at: now)
    }

    /// The answer to request `id` arrived at `now`. `wallClock` is seconds since 1970, for a `Retry-After` date;
    /// `jitter` a random number in 0..<1 that spreads retries out. An answer to no request in flight is ignored.
    public mutating func answerArrived(
        id: Int, _ result: AttemptResult, at now: Double, wallClock: Double,
        jitter: Double
    ) -> [Action] {
        guard let queue = queues.firstIndex(where: { $0.current.postInFlight == id }),
            case .inFlight(_, let attempt, let firstAttempt) = queues[queue].current
        else { return dispatch(at: now) }
        let post = posts[id]
        var actions: [Action] = []
        var next = WebhookQueue.Current.idle
        switch post.address.judge(result, now: wallClock) {
        case .delivered:
            if let entry = post.ledger { actions.append(.record(entry)) }
            actions.append(.report(.delivered(label: post.label, platform: post.address.platform)))
        case .rejected(let reason):
            actions.append(.report(.rejected(label: post.label, reason: reason)))
        case .temporary(let reason, let retryAfter):
            if let wait = settings.policy.wait(
                after: attempt, elapsed: now - firstAttempt, retryAfter: retryAfter,
                jitter: jitter)
            {
                next = .backingOff(post: id, attempt: attempt, firstAttempt: firstAttempt, readyAt: now + wait)
                actions.append(.report(.retrying(label: post.label, reason: reason, seconds: wait)))
            } else {
                actions.append(.report(.gaveUp(label: post.label, attempts: attempt, reason: reason)))
            }
        }
        queues[queue].current = next
        return actions + dispatch(at: now)
    }

    /// The instant of the last `.wait` has come (early or late: what is not yet due waits on).
    public mutating func timerFired(at now: Double) -> [Action] {
        dispatch(at: now)
    }

    // MARK: Steps

    /// Sends each webhook's next attempt that is due at `now`, and says how long to wait for the rest.
    private mutating func dispatch(at now: Double) -> [Action] {
        var actions: [Action] = []
        var wake: Double?
        var inFlight = false
        for index in queues.indices {
            var queue = queues[index]
            let paced = queue.nextStart ?? now
            let next: (post: Int, attempt: Int, firstAttempt: Double?, due: Double)
            switch queue.current {
            case .inFlight:
                inFlight = true
                continue
            case .backingOff(let post, let attempt, let firstAttempt, let readyAt):
                next = (post, attempt + 1, firstAttempt, max(readyAt, paced))
            case .idle:
                guard let post = queue.untried.first else { continue }
                next = (post, 1, nil, paced)
            }
            guard next.due <= now else {
                wake = min(wake ?? next.due, next.due)
                continue
            }
            if next.attempt == 1 { queue.untried.removeFirst() }
            let post = posts[next.post]
            queue.current = .inFlight(post: next.post, attempt: next.attempt, firstAttempt: next.firstAttempt ?? now)
            queue.nextStart = now + post.address.platform.pacing
            queues[index] = queue
            inFlight = true
            actions.append(
                .send(
                    HelperRequest(
                        id: next.post, url: post.address.url, body: post.body, headers: settings.headers,
                        connectTimeout: settings.connectTimeout, timeout: settings.timeout
                    )))
        }
        guard inFlight || wake != nil else { return actions + [.finished] }
        return actions + [.wait(until: wake)]
    }
}
