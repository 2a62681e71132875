import ChatAdapter
import SamtaleCore

// MARK: - Texts of `samtale chat serve`

/// What `samtale chat serve` says of its front doors, the address it listens on, and each exchange.
extension CommandLineStrings {
    static let chatOneFrontDoor = text("brug enten --stdio eller --listen", "use either --stdio or --listen")
    static let chatNoFrontDoor = text("mangler --stdio eller --listen ADRESSE", "missing --stdio or --listen ADDRESS")
    static let maxConnectionsWithoutListen = text(
        "--max-connections kan kun bruges med --listen", "--max-connections can only be used with --listen")

    static let listenHelp = text(
        "lyt efter forbindelser på ADRESSE: 127.0.0.1:8080, [::1]:8080 eller unix:STI (port 0: systemet vælger en "
            + "ledig port)",
        "listen for connections on ADDRESS: 127.0.0.1:8080, [::1]:8080 or unix:PATH (port 0: the system picks a free "
            + "one)")
    static let maxConnectionsHelp = text(
        "højst N åbne forbindelser ad gangen (standard: \(HTTPLimits.connections)); når grænsen er nået, lukkes "
            + "den forbindelse, der har ventet længst uden at sende sin forespørgsel",
        "at most N open connections at a time (default: \(HTTPLimits.connections)); when the limit is reached, the "
            + "connection that has waited longest without sending its request is closed")

    static func listenBadAddress(_ value: String) -> Localized {
        text(
            "--listen: »\(value)« kan ikke bruges som adresse; skriv IPv4-adresse:port (fx 127.0.0.1:8080), "
                + "[IPv6-adresse]:port (fx [::1]:8080) eller unix:STI (ikke et værtsnavn som localhost)",
            "--listen: \"\(value)\" cannot be used as an address; write IPv4-address:port (e.g. 127.0.0.1:8080), "
                + "[IPv6-address]:port (e.g. [::1]:8080) or unix:PATH (not a host name such as localhost)")
    }

    static func listenBadPort(_ value: String) -> Localized {
        text(
            "--listen: porten i »\(value)« skal være et helt tal fra 0 til 65535",
            "--listen: the port in \"\(value)\" must be a whole number from 0 to 65535")
    }

    static func listenPathTooLong(_ path: String, limit: Int) -> Localized {
        text(
            "--listen: stien til socketfilen er for lang (højst \(limit) byte): \(path)",
            "--listen: the socket file's path is too long (at most \(limit) bytes): \(path)")
    }

    static func cannotListen(_ address: String, reason: Localized) -> Localized {
        text("kan ikke lytte på \(address): \(reason.da)", "cannot listen on \(address): \(reason.en)")
    }

    static let listenAddressInUse = text(
        "adressen er optaget (er samtale chat serve allerede startet på den?)",
        "the address is already in use (is samtale chat serve already running on it?)")
    static let listenAddressNotHere = text(
        "adressen hører ikke til denne maskine", "the address does not belong to this machine")
    static let listenNoPermission = text(
        "ingen adgang (porte under 1024 kræver særlige rettigheder)",
        "permission denied (ports below 1024 need special privileges)")

    static let listenNotASocket = text(
        "filen findes allerede og er ikke en socket; kun en gammel socketfil bliver erstattet",
        "it already exists and is not a socket; only an old socket file is replaced")

    static func listening(_ address: String) -> Localized {
        text("lytter på \(address)", "listening on \(address)")
    }

    /// A slow client closed to make room for a newcomer at the connection limit.
    static func chatDisplaced(milliseconds: Int) -> Localized {
        text(
            "lukket ved forbindelsesgrænsen: 503 efter \(milliseconds) ms",
            "closed at connection limit: 503 after \(milliseconds) ms")
    }

    /// One exchange as the log gives it: `/zulip (Zulip): 200 på 12 ms`.
    static func chatExchange(_ endpoint: ChatEndpoint?, status: Int, milliseconds: Int) -> Localized {
        guard let endpoint else {
            return text(
                "intet endepunkt: \(status) på \(milliseconds) ms", "no endpoint: \(status) in \(milliseconds) ms")
        }
        let name = "\(endpoint.path) (\(endpoint.platform.displayName))"
        let line = text("\(name): \(status) på \(milliseconds) ms", "\(name): \(status) in \(milliseconds) ms")
        // The platform has given up and shown the person an error: the one exchange an operator must hear of.
        let deadline = endpoint.platform.replyDeadlineSeconds
        guard milliseconds > deadline * 1000 else { return line }
        let platform = endpoint.platform.displayName
        return text(
            "\(line.da) – \(platform) venter kun \(deadline) s, så svaret nåede ikke frem",
            "\(line.en) – \(platform) waits only \(deadline) s, so the reply did not arrive")
    }
}
