// MARK: - Files

/// What a path names when it is not a regular file, for a message that says why it is not read.
public enum FileKind: Sendable {
    case folder
    case fifo
    case socket
    case device
    case other
}

// MARK: - Files, sizes and numbers

extension Strings {
    public static func notARegularFile(_ kind: FileKind) -> Localized {
        switch kind {
        case .folder: text("det er en mappe, ikke en fil", "it is a folder, not a file")
        case .fifo:
            text(
                "det er ikke en almindelig fil, men en navngiven pipe (FIFO)",
                "it is not a regular file but a named pipe (FIFO)")
        case .socket: text("det er ikke en almindelig fil, men en socket", "it is not a regular file but a socket")
        case .device: text("det er ikke en almindelig fil, men en enhed", "it is not a regular file but a device")
        case .other: text("det er ikke en almindelig fil", "it is not a regular file")
        }
    }

    /// A file over the size samtale reads; `size` is nil when only "more than the limit" is known (a pipe).
    public static func fileTooLarge(_ size: Int?, limit: Int) -> Localized {
        let most = byteSize(limit)
        guard let size else {
            return text(
                "indholdet er større end \(most.da), og mere læser samtale ikke",
                "the content is larger than \(most.en), which is as much as samtale reads")
        }
        let actual = byteSize(size)
        return text(
            "filen er på \(actual.da); der kan højst læses \(most.da)",
            "the file is \(actual.en); samtale reads at most \(most.en)")
    }

    /// A size in bytes, KiB or MiB, with one decimal where it is not whole: "16 MiB", "40,5 MiB" (Danish comma).
    public static func byteSize(_ bytes: Int) -> Localized {
        let (unit, name): (Int, String) =
            bytes >= 1 << 20
            ? (1 << 20, "MiB")
            : bytes >= 1 << 10 ? (1 << 10, "KiB") : (1, "")
        guard unit > 1 else { return text("\(bytes) byte", bytes == 1 ? "1 byte" : "\(bytes) bytes") }
        let tenths = (bytes * 10 + unit / 2) / unit
        guard tenths % 10 != 0 else { return text("\(tenths / 10) \(name)", "\(tenths / 10) \(name)") }
        let number = decimal(tenths: tenths)
        return text("\(number.da) \(name)", "\(number.en) \(name)")
    }

    /// A number given in tenths, with one decimal: "40,5" with the Danish comma, "40.5" with the English point.
    static func decimal(tenths: Int) -> Localized {
        text("\(tenths / 10),\(tenths % 10)", "\(tenths / 10).\(tenths % 10)")
    }

    /// "et helt tal fra 1 til 240" ("et helt antal sekunder …" where `unit` says so), or "… på mindst 1" without an
    /// upper bound; the bounds are text, so that they can reach beyond `Int` (`--seed` takes up to 2⁶⁴−1).
    static func wholeNumber(from lowest: String, to highest: String?, unit: Localized? = nil) -> Localized {
        let (da, en) =
            unit.map { ("et helt antal \($0.da)", "a whole number of \($0.en)") }
            ?? ("et helt tal", "a whole number")
        guard let highest else { return text("\(da) på mindst \(lowest)", "\(en) of at least \(lowest)") }
        return text("\(da) fra \(lowest) til \(highest)", "\(en) from \(lowest) to \(highest)")
    }

    /// A number in a data file outside its range: `steps[4].limit: skal være et helt tal fra 1 til 10000, ikke »0«`.
    static func outOfRange(_ value: String, from lowest: Int, to highest: Int?) -> Localized {
        let number = wholeNumber(from: "\(lowest)", to: highest.map(String.init))
        return text("skal være \(number.da), ikke »\(value)«", "must be \(number.en), not \"\(value)\"")
    }

    /// A numeric option whose value is not a whole number in its range.
    public static func notAWholeNumber(
        _ option: String, _ value: String, from lowest: String, to highest: String, unit: Localized? = nil
    ) -> Localized {
        let number = wholeNumber(from: lowest, to: highest, unit: unit)
        return text(
            "\(option) skal være \(number.da), ikke »\(value)«",
            "\(option) takes \(number.en), not \"\(value)\"")
    }
}
