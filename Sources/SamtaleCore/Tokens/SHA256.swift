// MARK: - SHA256

/// SHA-256 (FIPS 180-4), for HMAC over protocol tokens: the core may not import Foundation or CryptoKit,
/// so it carries its own hash to sign the conversation state it hands to clients.
public struct SHA256: Sendable {
    /// The eight working words of the hash, carried from block to block.
    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    private var state: State = (
        0x6A09_E667, 0xBB67_AE85, 0x3C6E_F372, 0xA54F_F53A,
        0x510E_527F, 0x9B05_688C, 0x1F83_D9AB, 0x5BE0_CD19
    )
    /// Bytes of an incomplete block, waiting for the rest of it (always fewer than 64).
    private var pending: [UInt8] = []
    /// Bytes hashed so far, for the length in the final padding.
    private var length: UInt64 = 0

    /// An empty hash, ready for `update(_:)`.
    public init() {
        pending.reserveCapacity(Self.blockSize)
    }

    /// Adds `bytes` to the message; a message may arrive in any number of pieces, split anywhere.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ absorb($0) }) != nil { return }
        // Sequences without contiguous storage are gathered into chunks, so their bytes are not handled one by one.
        var chunk: [UInt8] = []
        chunk.reserveCapacity(Self.chunkSize)
        for byte in bytes {
            chunk.append(byte)
            if chunk.count == Self.chunkSize {
                chunk.withUnsafeBufferPointer { absorb($0) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        chunk.withUnsafeBufferPointer { absorb($0) }
    }

    /// The 32-byte digest of everything added; consuming, because the padding ends the message.
    public consuming func finalize() -> [UInt8] {
        let bitLength = length &* 8
        // A one bit, zeros up to 8 bytes short of a block boundary, then the length in bits, big-endian.
        var padding: [UInt8] = [0x80]
        padding += repeatElement(0, count: (55 &- Int(length % 64) &+ 64) % 64)
        padding += stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: bitLength >> UInt64($0)) }
        update(padding)
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        return words.flatMap { word in
            stride(from: 24, through: 0, by: -8).map { UInt8(truncatingIfNeeded: word >> UInt32($0)) }
        }
    }

    /// The 32-byte digest of `bytes`.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hash = SHA256()
        hash.update(bytes)
        return hash.finalize()
    }

    // MARK: - Blocks

    private static let blockSize = 64
    private static let chunkSize = 64 * blockSize

    /// Hashes whole blocks straight from `bytes`, keeping only an incomplete tail in `pending`.
    private mutating func absorb(_ bytes: UnsafeBufferPointer<UInt8>) {
        length &+= UInt64(bytes.count)
        var rest = bytes[...]
        var state = self.state
        if !pending.isEmpty {
            let head = rest.prefix(Self.blockSize - pending.count)
            pending.append(contentsOf: head)
            rest = rest[head.endIndex...]
            // Still short of a block: nothing was compressed, so `self.state` needs no update.
            guard pending.count == Self.blockSize else { return }
            pending.withUnsafeBufferPointer { Self.compress(&state, blocks: $0) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = rest.count - rest.count % Self.blockSize
        Self.compress(&state, blocks: UnsafeBufferPointer(rebasing: rest.prefix(whole)))
        pending.append(contentsOf: rest.dropFirst(whole))
        self.state = state
    }

    /// Runs the compression function over each 64-byte block of `blocks` (whose count is a multiple of 64).
    /// Rotations are written out as `x &>> n | x &<< (32 - n)` rather than called: a debug build does not inline
    /// calls, and would take nearly twice as long to hash.
    private static func compress(_ state: inout State, blocks: UnsafeBufferPointer<UInt8>) {
        guard !blocks.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            roundConstants.withUnsafeBufferPointer { constants in
                var (h0, h1, h2, h3, h4, h5, h6, h7) = state
                var offset = 0
                while offset < blocks.count {
                    for t in 0..<16 {
                        let i = offset + 4 * t
                        schedule[t] =
                            UInt32(blocks[i]) &<< 24 | UInt32(blocks[i + 1]) &<< 16
                            | UInt32(blocks[i + 2]) &<< 8 | UInt32(blocks[i + 3])
                    }
                    for t in 16..<64 {
                        let w15 = schedule[t - 15]
                        let w2 = schedule[t - 2]
                        let sigma0 = (w15 &>> 7 | w15 &<< 25) ^ (w15 &>> 18 | w15 &<< 14) ^ (w15 &>> 3)
                        let sigma1 = (w2 &>> 17 | w2 &<< 15) ^ (w2 &>> 19 | w2 &<< 13) ^ (w2 &>> 10)
                        schedule[t] = schedule[t - 16] &+ sigma0 &+ schedule[t - 7] &+ sigma1
                    }
                    var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
                    for t in 0..<64 {
                        let choice = (e & f) ^ (~e & g)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        let sum1 = (e &>> 6 | e &<< 26) ^ (e &>> 11 | e &<< 21) ^ (e &>> 25 | e &<< 7)
                        let sum0 = (a &>> 2 | a &<< 30) ^ (a &>> 13 | a &<< 19) ^ (a &>> 22 | a &<< 10)
                        let temp1 = h &+ sum1 &+ choice &+ constants[t] &+ schedule[t]
                        let temp2 = sum0 &+ majority
                        (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
                    }
                    h0 &+= a
                    h1 &+= b
                    h2 &+= c
                    h3 &+= d
                    h4 &+= e
                    h5 &+= f
                    h6 &+= g
                    h7 &+= h
                    offset += blockSize
                }
                state = (h0, h1, h2, h3, h4, h5, h6, h7)
            }
        }
    }

    /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static let roundConstants: [UInt32] = [
        0x428A_2F98, 0x7137_4491, 0xB5C0_FBCF, 0xE9B5_DBA5, 0x3956_C25B, 0x59F1_11F1, 0x923F_82A4, 0xAB1C_5ED5,
        0xD807_AA98, 0x1283_5B01, 0x2431_85BE, 0x550C_7DC3, 0x72BE_5D74, 0x80DE_B1FE, 0x9BDC_06A7, 0xC19B_F174,
        0xE49B_69C1, 0xEFBE_4786, 0x0FC1_9DC6, 0x240C_A1CC, 0x2DE9_2C6F, 0x4A74_84AA, 0x5CB0_A9DC, 0x76F9_88DA,
        0x983E_5152, 0xA831_C66D, 0xB003_27C8, 0xBF59_7FC7, 0xC6E0_0BF3, 0xD5A7_9147, 0x06CA_6351, 0x1429_2967,
        0x27B7_0A85, 0x2E1B_2138, 0x4D2C_6DFC, 0x5338_0D13, 0x650A_7354, 0x766A_0ABB, 0x81C2_C92E, 0x9272_2C85,
        0xA2BF_E8A1, 0xA81A_664B, 0xC24B_8B70, 0xC76C_51A3, 0xD192_E819, 0xD699_0624, 0xF40E_3585, 0x106A_A070,
        0x19A4_C116, 0x1E37_6C08, 0x2748_774C, 0x34B0_BCB5, 0x391C_0CB3, 0x4ED8_AA4A, 0x5B9C_CA4F, 0x682E_6FF3,
        0x748F_82EE, 0x78A5_636F, 0x84C8_7814, 0x8CC7_0208, 0x90BE_FFFA, 0xA450_6CEB, 0xBEF9_A3F7, 0xC671_78F2,
    ]
}

// MARK: - HMACSHA256

/// HMAC-SHA-256 (RFC 2104), keyed with a secret shared by the workers that serve a conversation,
/// so any of them can tell a token it or a sibling issued from one a client altered or cut short.
public enum HMACSHA256 {
    /// The full 32-byte code for `message` under `key`; keys longer than a block are hashed first, as RFC 2104 says.
    public static func authenticationCode<Key: Sequence, Message: Sequence>(for message: Message, key: Key) -> [UInt8]
    where Key.Element == UInt8, Message.Element == UInt8 {
        var block = Array(key)
        if block.count > 64 { block = SHA256.hash(block) }
        block += repeatElement(0, count: 64 - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5C })
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// Compares in time independent of where the first difference is, so a forger cannot learn the code
    /// byte by byte from response times. Only full 32-byte codes are accepted: a truncated code is a tampered one.
    public static func isValid(_ code: [UInt8], for message: [UInt8], key: [UInt8]) -> Bool {
        codesMatch(code, authenticationCode(for: message, key: key))
    }

    /// Whether two codes are the same, in time independent of where the first difference is; codes of different
    /// lengths never match (the length of a code is no secret).
    public static func codesMatch(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        guard given.count == expected.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(given, expected) {
            difference |= left ^ right
        }
        return difference == 0
    }
}
