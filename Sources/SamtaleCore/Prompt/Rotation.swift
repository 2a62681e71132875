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

/// The daily order through a pool of questions: each cycle is a shuffled order of the whole pool, so no question
/// repeats until all have been asked; then a new order begins. Computed from the day number alone, with no state.
public enum Rotation {
    /// Day 0 of every rotation.
    public static let anchor = CivilDate(daysSinceEpoch: 0)

    /// The pool index for `day` (a count of counting days since the anchor, possibly negative).
    /// `key` tells pools apart, so that different filters walk in different orders.
    public static func index(day: Int, poolSize: Int, key: UInt64) -> Int {
        precondition(poolSize > 0, "a rotation needs a non-empty pool")
        let cycle = day >= 0 ? day / poolSize : -((-day - 1) / poolSize) - 1
        let position = day - cycle * poolSize
        return order(cycle: cycle, poolSize: poolSize, key: key)[position]
    }

    /// The order of one cycle. Pools of one or two keep a fixed order, which already never repeats across cycles;
    /// larger pools are shuffled, and the first question of a cycle is never the last of the one before.
    static func order(cycle: Int, poolSize: Int, key: UInt64) -> [Int] {
        guard poolSize > 2 else { return Array(0..<poolSize) }
        var order = shuffled(cycle: cycle, poolSize: poolSize, key: key)
        if order[0] == shuffled(cycle: cycle - 1, poolSize: poolSize, key: key)[poolSize - 1] {
            order.swapAt(0, 1)
        }
        return order
    }

    private static func shuffled(cycle: Int, poolSize: Int, key: UInt64) -> [Int] {
        var generator = SplitMix64(seed: key ^ (UInt64(bitPattern: Int64(cycle)) &* 0xD1B5_4A32_D192_ED03))
        var order = Array(0..<poolSize)
        for index in stride(from: poolSize - 1, to: 0, by: -1) {
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
