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
///
/// Cards that share a statement (two roles' cards that say the same) are kept off consecutive days as far as the
/// split and swaps within a half can do it; swaps keep each card in its half, so all of the above still holds.
/// Where each card shares statements with at most one other and the pool has five cards or more, it always can:
/// the split puts the two of a pair in different halves, so only a half's first card can follow its partner; the
/// first half's first card follows the last card of the second half (never moved, so known without arranging the
/// cycle before) and has another card of its half (at least 2) to swap with, and the second half's first card
/// follows the first half's last and has another card of its half besides the last (at least 3).
/// The work per day is a few shuffles of the cards: O(n), or O(n²) at worst where cards share statements.
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
    /// walk in different orders. `sharing`, when given, holds for each card the cards that share a statement with
    /// it.
    public static func daily(day: Int, questionCounts: [Int], key: UInt64, sharing: [Set<Int>] = []) -> Pick {
        let cards = questionCounts.count
        precondition(cards > 0 && questionCounts.allSatisfy { $0 > 0 }, "a rotation needs cards with questions")
        let cycle = day >= 0 ? day / cards : -((-day - 1) / cards) - 1
        let position = day - cycle * cards
        let halves = split(cards: cards, key: key, sharing: sharing)
        // The second half's last card is never moved, so the next cycle can know it without its own arranging.
        let previousLast = shuffled(halves.second, seed: key ^ mix(cycle - 1, half: 1)).last
        let first = arranged(
            shuffled(halves.first, seed: key ^ mix(cycle, half: 0)), after: previousLast, keepingLast: false,
            sharing: sharing)
        let card: Int
        if position < first.count {
            card = first[position]
        } else {
            let second = arranged(
                shuffled(halves.second, seed: key ^ mix(cycle, half: 1)), after: first.last ?? previousLast,
                keepingLast: true, sharing: sharing)
            card = second[position - first.count]
        }
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

    /// The fixed split of the cards into two halves, ⌊n/2⌋ cards first and the rest second, in a keyed order. Cards
    /// within a half can come on two days running however they are arranged, so where cards share a statement,
    /// those go first, each, while there is room, to the half that holds fewer of the cards it shares one with (else
    /// to the roomier half): two cards that only share with each other always end up apart.
    private static func split(cards: Int, key: UInt64, sharing: [Set<Int>]) -> (first: [Int], second: [Int]) {
        let order = shuffled(Array(0..<cards), seed: key)
        guard !sharing.isEmpty else { return (Array(order[..<(cards / 2)]), Array(order[(cards / 2)...])) }
        var first: [Int] = []
        var second: [Int] = []
        for card in order.filter({ !sharing[$0].isEmpty }) + order.filter({ sharing[$0].isEmpty }) {
            let inFirst = sharing[card].filter(first.contains).count
            let inSecond = sharing[card].filter(second.contains).count
            let roomFirst = cards / 2 - first.count
            let roomSecond = cards - cards / 2 - second.count
            let toFirst =
                roomFirst > 0
                && (roomSecond == 0 || inFirst < inSecond || (inFirst == inSecond && roomFirst >= roomSecond))
            if toFirst { first.append(card) } else { second.append(card) }
        }
        return (first, second)
    }

    /// A half's order with each card that shares a statement with the card before it swapped, where it can be, with
    /// a later card of the half that does not (`sharing[card]`: the cards that share one with `card`). Swaps stay
    /// within the half, so the spacing above holds; the last card stays when `keepingLast`, and is then kept apart
    /// from the one before it too. Where every later card shares one, the card stays: two cards that say the same
    /// may then come on two days running.
    private static func arranged(
        _ half: [Int], after predecessor: Int?, keepingLast: Bool, sharing: [Set<Int>]
    ) -> [Int] {
        guard !sharing.isEmpty else { return half }
        var order = half
        let movable = keepingLast ? order.count - 1 : order.count
        var before = predecessor
        for position in 0..<max(movable, 0) {
            let fits = { (card: Int) in
                !(before.map { sharing[card].contains($0) } ?? false)
                    && !(keepingLast && position == movable - 1 && sharing[card].contains(order[movable]))
            }
            if !fits(order[position]), let swap = (position + 1..<movable).first(where: { fits(order[$0]) }) {
                order.swapAt(position, swap)
            }
            before = order[position]
        }
        return order
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
