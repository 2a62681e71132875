import SamtaleCore

/// What a person is told of a delivery as it goes: one line each, in the interface language.
public enum DeliveryReport: Equatable, Sendable {
    /// The ledger has the target's question of the day already.
    case alreadyPosted(label: String, date: CivilDate)
    /// A failure that may pass: tried again in `seconds`.
    case retrying(label: String, reason: Localized, seconds: Double)
    case delivered(label: String, platform: Platform)
    /// A failure that trying again cannot mend.
    case rejected(label: String, reason: Localized)
    /// Out of attempts or time; the last attempt failed for `reason`.
    case gaveUp(label: String, attempts: Int, reason: Localized)

    public var message: Localized {
        switch self {
        case .alreadyPosted(let label, let date):
            Localized(
                da: "\(label): allerede sendt \(date) (--force sender igen)",
                en: "\(label): already posted on \(date) (--force posts again)")
        case .retrying(let label, let reason, let seconds):
            Self.retrying(label, reason: reason, seconds: seconds)
        case .delivered(let label, let platform):
            Localized(da: "sendt: \(label) (\(platform.displayName))", en: "posted: \(label) (\(platform.displayName))")
        case .rejected(let label, let reason):
            Localized(da: "\(label): afvist: \(reason.da)", en: "\(label): refused: \(reason.en)")
        case .gaveUp(let label, let attempts, let reason):
            Self.gaveUp(label, attempts: attempts, reason: reason)
        }
    }

    private static func retrying(_ label: String, reason: Localized, seconds: Double) -> Localized {
        let wait = String(Double(Int(seconds * 10)) / 10)
        // Danish writes a decimal comma.
        return Localized(
            da: "\(label): \(reason.da); prøver igen om \(wait.replacing(".", with: ",")) s",
            en: "\(label): \(reason.en); retrying in \(wait) s")
    }

    private static func gaveUp(_ label: String, attempts: Int, reason: Localized) -> Localized {
        let (da, en) =
            attempts == 1
            ? ("1 forsøg: \(reason.da)", "1 attempt: \(reason.en)")
            : ("\(attempts) forsøg, sidst: \(reason.da)", "\(attempts) attempts, last: \(reason.en)")
        return Localized(
            da: "\(label): opgav: \(da); prøv igen senere",
            en: "\(label): gave up: \(en); try again later")
    }
}
