import ChatAdapter
import SamtaleCore

// MARK: - Texts of `samtale chat serve`

/// What `samtale chat serve` says of its front doors, the address it listens on, and each exchange.
extension CommandLineStrings {
    static let chatOneFrontDoor = text("brug enten --stdio eller --listen", "use either --stdio or --listen")
    static let chatNoFrontDoor = text("mangler --stdio eller --listen ADRESSE", "missing --stdio or --listen ADDRESS")
    static let maxConnectionsWithoutListen = text(
        "--max-connections kan kun bruges med --listen", "--max-connections goes only with --listen")

    static let listenHelp = text(
        "lyt efter forbindelser på ADRESSE: 127.0.0.1:8080, [::1]:8080 eller unix:STI (port 0: systemet vælger en)",
        "listen for connections on ADDRESS: 127.0.0.1:8080, [::1]:8080 or unix:PATH (port 0: the system picks one)")
    static let maxConnectionsHelp = text(
        "højst N åbne forbindelser ad gangen, \(HTTPLimits.connections) som standard; de næste venter, til der bliver "
            + "plads",
        "at most N open connections at a time, \(HTTPLimits.connections) by default; the next ones wait until there is "
            + "room")

    static func listenBadAddress(_ value: String) -> Localized {
        text(
            "--listen: »\(value)« er ikke en adresse, samtale kan lytte på; skriv IPv4-adresse:port "
                + "(fx 127.0.0.1:8080), [IPv6-adresse]:port (fx [::1]:8080) eller unix:STI",
            "--listen: \"\(value)\" is not an address samtale can listen on; write IPv4-address:port "
                + "(e.g. 127.0.0.1:8080), [IPv6-address]:port (e.g. [::1]:8080) or unix:PATH")
    }

    static func listenBadPort(_ value: String, port: String) -> Localized {
        text(
            "--listen \(value): porten skal være et helt tal fra 0 til 65535 (0: systemet vælger en), ikke »\(port)«",
            "--listen \(value): the port must be a whole number from 0 to 65535 (0: the system picks one), "
                + "not \"\(port)\"")
    }

    static func listenPathTooLong(_ path: String, limit: Int) -> Localized {
        text(
            "--listen: stien til socketfilen må højst være \(limit) byte lang: \(path)",
            "--listen: the socket file's path may be at most \(limit) bytes long: \(path)")
    }

    static func cannotListen(_ address: String, reason: Localized) -> Localized {
        text("kan ikke lytte på \(address): \(reason.da)", "cannot listen on \(address): \(reason.en)")
    }

    static let listenAddressInUse = text(
        "adressen er allerede i brug (kører samtale der i forvejen?)",
        "the address is already in use (is samtale running there already?)")
    static let listenAddressNotHere = text(
        "adressen hører ikke til denne maskine", "the address is not one of this machine's")
    static let listenNoPermission = text(
        "ingen adgang (porte under 1024 kræver særlige rettigheder)",
        "permission denied (ports below 1024 need privileges)")

    static let listenNotASocket = text(
        "der ligger en fil, som ikke er en socket; samtale erstatter kun en gammel socketfil",
        "a file that is not a socket is there; samtale replaces only an old socket file")

    static func listening(_ address: String) -> Localized {
        text("lytter på \(address)", "listening on \(address)")
    }

    /// One exchange as the log gives it: `/zulip (Zulip): 200 på 12 ms`.
    static func chatExchange(_ endpoint: ChatEndpoint?, status: Int, milliseconds: Int) -> Localized {
        guard let endpoint else {
            return text(
                "intet endepunkt: \(status) på \(milliseconds) ms", "no endpoint: \(status) in \(milliseconds) ms")
        }
        let name = "\(endpoint.path) (\(endpoint.platform.displayName))"
        return text("\(name): \(status) på \(milliseconds) ms", "\(name): \(status) in \(milliseconds) ms")
    }
}
