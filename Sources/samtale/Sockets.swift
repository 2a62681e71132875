import SamtaleCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - ListenAddress

/// Where `chat serve --listen` takes connections: an IPv4 or IPv6 address with a port, or a Unix socket file.
/// Host names are not looked up: a server listens on an address of its own machine, written as such.
enum ListenAddress {
    case ipv4(in_addr, port: UInt16)
    case ipv6(in6_addr, port: UInt16)
    case unix(path: String)

    /// `127.0.0.1:8080`, `[::1]:8080` (port 0: the system picks one) or `unix:PATH`; anything else is a usage error
    /// that names the forms there are.
    init(parsing text: String) throws(CommandError) {
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst(5))
            guard !path.isEmpty else { throw .usage(CommandLineStrings.listenBadAddress(text), command: .chat) }
            // The path and its final NUL must fit in `sockaddr_un`.
            guard path.utf8.count < ListeningSocket.unixPathCapacity else {
                throw .usage(
                    CommandLineStrings.listenPathTooLong(path, limit: ListeningSocket.unixPathCapacity - 1),
                    command: .chat)
            }
            self = .unix(path: path)
            return
        }
        guard let colon = text.lastIndex(of: ":") else {
            throw .usage(CommandLineStrings.listenBadAddress(text), command: .chat)
        }
        let host = text[..<colon]
        let portText = String(text[text.index(after: colon)...])
        let port: UInt16
        if portText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = UInt16(portText) {
            port = number
        } else {
            throw .usage(CommandLineStrings.listenBadPort(text), command: .chat)
        }
        if host.hasPrefix("["), host.hasSuffix("]") {
            var address = in6_addr()
            guard inet_pton(AF_INET6, String(host.dropFirst().dropLast()), &address) == 1 else {
                throw .usage(CommandLineStrings.listenBadAddress(text), command: .chat)
            }
            self = .ipv6(address, port: port)
        } else {
            var address = in_addr()
            guard inet_pton(AF_INET, String(host), &address) == 1 else {
                throw .usage(CommandLineStrings.listenBadAddress(text), command: .chat)
            }
            self = .ipv4(address, port: port)
        }
    }
}

// MARK: - ListeningSocket

/// A non-blocking socket that listens, and the address it really listens on.
struct ListeningSocket {
    let descriptor: Int32
    /// Where it listens, with the port the system chose for port 0: `127.0.0.1:41234`, `[::1]:8080`, `unix:PATH`.
    let name: String
    /// The socket file this server made, by its identity, so that `close` removes it only while it is still this one.
    private let socketFile: (path: String, device: UInt64, inode: UInt64)?

    /// The bytes a Unix socket's path may have, its final NUL included.
    static let unixPathCapacity = MemoryLayout.size(ofValue: sockaddr_un().sun_path)

    /// The connections the kernel holds for the server while it has as many open as it may (the system's
    /// `somaxconn` caps it).
    private static let backlog: Int32 = 4096

    /// The socket file's mode: the owner and its group may connect, so that a TLS proxy running as another user is
    /// let in by putting it in samtale's group; others may not.
    private static let socketFileMode: mode_t = 0o660

    /// Binds and listens. A malformed address was refused before; here an address that is taken or not this
    /// machine's is unavailable (69), and a socket file that cannot be made cannot be created (73).
    static func open(_ address: ListenAddress) throws(CommandError) -> ListeningSocket {
        switch address {
        case .ipv4(let host, let port):
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = port.bigEndian
            socketAddress.sin_addr = host
            return try openInternet(AF_INET, &socketAddress, shown: Self.show(host, port: port))
        case .ipv6(let host, let port):
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = port.bigEndian
            socketAddress.sin6_addr = host
            return try openInternet(AF_INET6, &socketAddress, shown: Self.show(host, port: port))
        case .unix(let path):
            return try openUnix(path)
        }
    }

    private static func openInternet<Address>(
        _ family: Int32, _ address: inout Address, shown: String
    ) throws(CommandError) -> ListeningSocket {
        let descriptor = try newSocket(family, shown: shown)
        // A restarted server may take its port again while the last one's connections linger in TIME_WAIT.
        var on: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        guard bindSocket(descriptor, &address), listen(descriptor, backlog) == 0 else {
            let code = errno
            _ = closeDescriptor(descriptor)
            throw .unavailable(CommandLineStrings.cannotListen(shown, reason: reason(code)))
        }
        return ListeningSocket(descriptor: descriptor, name: boundName(descriptor, family: family), socketFile: nil)
    }

    /// Why an address cannot be listened on, in the words of sockets where the files' words do not fit.
    private static func reason(_ code: Int32) -> Localized {
        switch code {
        case EADDRINUSE: CommandLineStrings.listenAddressInUse
        case EADDRNOTAVAIL: CommandLineStrings.listenAddressNotHere
        case EACCES, EPERM: CommandLineStrings.listenNoPermission
        default: Strings.systemError(code)
        }
    }

    /// A socket file is made only where none is, or in place of an old one nothing listens on any more (a server
    /// that was killed leaves its file behind).
    private static func openUnix(_ path: String) throws(CommandError) -> ListeningSocket {
        let shown = "unix:\(path)"
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { bytes in
            for (index, byte) in path.utf8.enumerated() { bytes[index] = byte }
        }
        let descriptor = try newSocket(AF_UNIX, shown: shown)
        var bound = bindSocketFile(descriptor, &address)
        if !bound, errno == EADDRINUSE {
            try replaceOldSocketFile(path, &address, shown: shown)
            bound = bindSocketFile(descriptor, &address)
        }
        guard bound, listen(descriptor, backlog) == 0 else {
            let code = errno
            _ = closeDescriptor(descriptor)
            throw .cannotCreate(Strings.cannotCreateFile(path, code: code))
        }
        var status = stat()
        lstat(path, &status)
        return ListeningSocket(
            descriptor: descriptor, name: shown,
            socketFile: (path, device: UInt64(status.st_dev), inode: UInt64(status.st_ino)))
    }

    /// Binds a Unix socket with `socketFileMode` from its first moment: the mode of a socket file is set by the
    /// umask when it is made.
    private static func bindSocketFile(_ descriptor: Int32, _ address: inout sockaddr_un) -> Bool {
        let umaskBefore = umask(~socketFileMode & 0o777)
        defer { umask(umaskBefore) }
        return bindSocket(descriptor, &address)
    }

    /// Removes the socket file at `path` if nothing listens on it; a server that answers, or a file that is no
    /// socket, stays, and samtale stops.
    private static func replaceOldSocketFile(
        _ path: String, _ address: inout sockaddr_un, shown: String
    ) throws(CommandError) {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK else {
            throw .cannotCreate(Strings.cannotCreate(path, reason: CommandLineStrings.listenNotASocket))
        }
        let probe = socket(AF_UNIX, Self.stream, 0)
        defer { _ = closeDescriptor(probe) }
        let answered = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(probe, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
        if answered { throw .unavailable(CommandLineStrings.cannotListen(shown, reason: reason(EADDRINUSE))) }
        // Only a refusal says nothing listens; a file samtale may not even connect to is not replaced.
        guard errno == ECONNREFUSED else { throw .cannotCreate(Strings.cannotCreateFile(path, code: errno)) }
        unlink(path)
    }

    /// Stops listening, and removes the socket file if it is still the one this server made.
    func close() {
        _ = closeDescriptor(descriptor)
        guard let socketFile else { return }
        var status = stat()
        if lstat(socketFile.path, &status) == 0, UInt64(status.st_dev) == socketFile.device,
            UInt64(status.st_ino) == socketFile.inode
        {
            unlink(socketFile.path)
        }
    }

    /// What accepting a connection gave.
    enum Accepted {
        /// A connection, non-blocking.
        case connection(Int32)
        /// No connection is waiting (or one went before it was taken).
        case none
        /// The process or the system is out of descriptors or memory: wait a little before accepting again.
        case exhausted
    }

    func accept() -> Accepted {
        while true {
            let connection = acceptConnection(descriptor)
            if connection >= 0 {
                Self.makeNonBlocking(connection)
                return .connection(connection)
            }
            switch errno {
            case EINTR: continue
            case EMFILE, ENFILE, ENOBUFS, ENOMEM: return .exhausted
            default: return .none
            }
        }
    }

    /// Lets the process keep `count` descriptors open, as far as its hard limit allows.
    static func allowDescriptors(_ count: Int) {
        var limit = rlimit()
        guard getrlimit(Self.openFilesLimit, &limit) == 0, limit.rlim_cur < rlim_t(count) else { return }
        limit.rlim_cur = min(rlim_t(count), limit.rlim_max)
        setrlimit(Self.openFilesLimit, &limit)
    }

    // MARK: libc

    #if canImport(Glibc)
        private static let stream = Int32(SOCK_STREAM.rawValue)
        private static let openFilesLimit = Int32(RLIMIT_NOFILE.rawValue)
    #else
        private static let stream = SOCK_STREAM
        private static let openFilesLimit = RLIMIT_NOFILE
    #endif

    private static func newSocket(_ family: Int32, shown: String) throws(CommandError) -> Int32 {
        let descriptor = socket(family, stream, 0)
        guard descriptor >= 0 else {
            throw .unavailable(CommandLineStrings.cannotListen(shown, reason: Strings.systemError(errno)))
        }
        makeNonBlocking(descriptor)
        return descriptor
    }

    /// Non-blocking, and not inherited by the programs samtale starts.
    private static func makeNonBlocking(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }

    private static func bindSocket<Address>(_ descriptor: Int32, _ address: inout Address) -> Bool {
        withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<Address>.size)) == 0
            }
        }
    }

    /// The address a bound socket has, its port as the system chose it.
    private static func boundName(_ descriptor: Int32, family: Int32) -> String {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(descriptor, $0, &length) }
        }
        return withUnsafePointer(to: &storage) { pointer in
            if family == AF_INET6 {
                let address = UnsafeRawPointer(pointer).load(as: sockaddr_in6.self)
                return show(address.sin6_addr, port: UInt16(bigEndian: address.sin6_port))
            }
            let address = UnsafeRawPointer(pointer).load(as: sockaddr_in.self)
            return show(address.sin_addr, port: UInt16(bigEndian: address.sin_port))
        }
    }

    private static func show(_ address: in_addr, port: UInt16) -> String {
        "\(text(of: address, family: AF_INET)):\(port)"
    }

    private static func show(_ address: in6_addr, port: UInt16) -> String {
        "[\(text(of: address, family: AF_INET6))]:\(port)"
    }

    private static func text<Address>(of address: Address, family: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let converted = withUnsafeBytes(of: address) {
            inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count))
        }
        guard converted != nil else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

// MARK: - ConnectionSocket

/// An accepted connection's socket, non-blocking, in the calls a server makes on it.
struct ConnectionSocket {
    let descriptor: Int32

    /// What a read or a write did.
    enum Transfer: Equatable {
        /// So many bytes (a read's onto the start of its buffer).
        case bytes(Int)
        /// Nothing now: poll says when.
        case nothingYet
        /// The client closed its side (a read's end).
        case ended
        /// The connection is broken (ECONNRESET, EPIPE): close it.
        case failed
    }

    func receive(into buffer: inout [UInt8]) -> Transfer {
        let count = read(descriptor, &buffer, buffer.count)
        if count > 0 { return .bytes(count) }
        return count == 0 ? .ended : Self.pending()
    }

    func send(_ bytes: ArraySlice<UInt8>) -> Transfer {
        let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        return count > 0 ? .bytes(count) : Self.pending()
    }

    /// Says the response is all there is: the client reads its end.
    func finishWriting() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    func close() {
        _ = closeDescriptor(descriptor)
    }

    /// After a read or write that moved nothing: waiting helps (EAGAIN, EINTR), or the connection is gone.
    private static func pending() -> Transfer {
        errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .nothingYet : .failed
    }

    /// Waits until one of the descriptors is ready (for writing where `writing` says so, else for reading), or
    /// `milliseconds` pass (-1: no limit); which are ready. A descriptor of -1 is left out. A failed wait is
    /// retried by the caller after a pause, rather than spun on.
    static func wait(for descriptors: [(descriptor: Int32, writing: Bool)], milliseconds: Int32) -> [Bool] {
        var waiting = descriptors.map {
            pollfd(fd: $0.descriptor, events: Int16($0.writing ? POLLOUT : POLLIN), revents: 0)
        }
        guard poll(&waiting, nfds_t(waiting.count), milliseconds) >= 0 else {
            if errno != EINTR { usleep(10_000) }
            return Array(repeating: false, count: waiting.count)
        }
        return waiting.map { $0.revents != 0 }
    }
}

// MARK: - libc under names of their own

/// libc's `accept`, which `ListeningSocket.accept` would otherwise hide.
private func acceptConnection(_ descriptor: Int32) -> Int32 {
    accept(descriptor, nil, nil)
}

/// libc's `close`, which `ListeningSocket.close` would otherwise hide.
func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
