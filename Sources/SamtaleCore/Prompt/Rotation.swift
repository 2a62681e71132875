// MARK: - SplitMix64

/// A small, fast generator with a fixed algorithm, so the same seed gives the same sequence on every machine
/// and every Swift version (the standard library promises neither for its own generator).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

// MARK: - Rotation

/// The daily order through a pool, weighed by card: each counting day visits one card, every card gets an equal
/// share of the days, and a card's questions take turns, one per visit. Computed from the day number alone, with no
/// state, so the same pool and day give the same question on every machine.
///
/// A cycle is `n` days (the pool's cards). A keyed split, fixed for the pool, puts ⌊n/2⌋ cards in the first half
/// and the rest in the second; each cycle visits the first half in a shuffled order, then the second half in
/// another, so every card is visited once per cycle and always within its own half's stretch of the cycle.
///
/// Why that spaces the questions (a card in a half of `h` cards sits at a position `i` of that half's stretch, the
/// same stretch in every cycle): two visits of the card `k` cycles apart are `k·n + j − i` days apart with
/// `|j − i| ≤ h − 1`, so at least `k·n − ⌈n/2⌉ + 1` as `h ≤ ⌈n/2⌉`.
/// - Visits one cycle apart are at least `⌊n/2⌋ + 1` days apart: with two cards or more, never two days running.
/// - A card with `m` questions asks each of them once every `m` visits, so the same question returns after at least
///   `m·n − ⌈n/2⌉ + 1` days. In a pool of `N` questions that is at least `N/2` whenever
///   `2·(m·n − ⌈n/2⌉ + 1) ≥ N` for every card (`questionsAreSpaced(_:)`), which holds when every card has at
///   least half of one more than the cards' average number of questions (`2·m ≥ N/n + 1`): always when all cards
///   have as many.
/// The work per day is the split and one half's shuffle: O(n).
public enum Rotation {
    /// Day 0 of every rotation.
    public static let anchor = CivilDate(daysSinceEpoch: 0)

    /// One question of a pool: the index of its card, and of the question among that card's.
    public struct Pick: Hashable, Sendable {
        public let card: Int
        public let question: Int
    }

    /// The pick for `day` (a count of counting days since the anchor, possibly negative) in a pool whose cards have
    /// `questionCounts` questions each (every count above 0). `key` tells pools apart, so that different filters
    /// walk in different orders.
    public static func daily(day: Int, questionCounts: [Int], key: UInt64) -> Pick {
        let cards = questionCounts.count
        precondition(cards > 0 && questionCounts.allSatisfy { $0 > 0 }, "a rotation needs cards with questions")
        let cycle = day >= 0 ? day / cards : -((-day - 1) / cards) - 1
        let position = day - cycle * cards
        let halves = split(cards: cards, key: key)
        let inFirstHalf = position < halves.first.count
        let half = inFirstHalf ? halves.first : halves.second
        let order = shuffled(half, seed: key ^ mix(cycle, half: inFirstHalf ? 0 : 1))
        let card = order[inFirstHalf ? position : position - halves.first.count]
        // Each cycle is one visit of every card; a keyed start keeps the cards from all asking their first question
        // on the same cycles.
        let count = questionCounts[card]
        var startGenerator = SplitMix64(seed: key ^ (UInt64(card) &* 0x9E37_79B9_7F4A_7C15))
        let start = Int(startGenerator.next() % UInt64(count))
        let turn = (cycle % count + count + start) % count
        return Pick(card: card, question: turn)
    }

    /// A free pick from a seed: a card uniformly, then one of its questions, so cards weigh equally here too.
    public static func random(seed: UInt64, questionCounts: [Int]) -> Pick {
        precondition(!questionCounts.isEmpty, "a pick needs cards")
        var generator = SplitMix64(seed: seed)
        let card = Int(generator.next() % UInt64(questionCounts.count))
        return Pick(card: card, question: Int(generator.next() % UInt64(questionCounts[card])))
    }

    /// Whether the proof above promises that no question of the pool returns sooner than half the pool's length.
    public static func questionsAreSpaced(_ questionCounts: [Int]) -> Bool {
        let cards = questionCounts.count
        let total = questionCounts.reduce(0, +)
        return questionCounts.allSatisfy { 2 * ($0 * cards - (cards + 1) / 2 + 1) >= total }
    }

    /// The fixed split of the cards into two halves: ⌊n/2⌋ cards first, the rest second.
    private static func split(cards: Int, key: UInt64) -> (first: [Int], second: [Int]) {
        let order = shuffled(Array(0..<cards), seed: key)
        return (Array(order[..<(cards / 2)]), Array(order[(cards / 2)...]))
    }

    /// A seed for one half of one cycle, distinct from the split's (cycle 0's first half included).
    private static func mix(_ cycle: Int, half: UInt64) -> UInt64 {
        (UInt64(bitPattern: Int64(cycle)) &* 0xD1B5_4A32_D192_ED03) ^ ((half + 1) &* 0xA24B_AED4_963E_E407)
    }

    /// Fisher–Yates with SplitMix64, the same on every machine.
    private static func shuffled(_ items: [Int], seed: UInt64) -> [Int] {
        var generator = SplitMix64(seed: seed)
        var order = items
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(index, Int(generator.next() % UInt64(index + 1)))
        }
        return order
    }

    /// FNV-1a over the text, a hash that is the same on every machine and in every run (unlike `Hasher`).
    public static func key(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
