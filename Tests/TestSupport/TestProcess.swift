import Foundation

/// Every process a test starts (samtale, samtale-http through it, python3) is made here, so that none of them sees
/// the set-up of the person running the tests: their targets file, sessions, deck folders, language or terminal.
public enum TestProcess {
    /// What samtale and its helpers read from the environment is removed or fixed: `HOME` and the XDG folders point
    /// into `home`, the locale is C.UTF-8 (samtale speaks Danish), no `SAMTALE_*`, colour or width preference,
    /// a known terminal type, Copenhagen time. Everything else (PATH, the toolchain's and python's own variables)
    /// is the test runner's (`inherited`), so that the same programs are found. `overrides` win, a `HOME` in them too.
    public static func environment(
        home: URL, _ overrides: [String: String] = [:],
        inherited: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String: String] {
        var environment = inherited.filter { name, _ in
            !["SAMTALE_", "XDG_", "LC_"].contains { name.hasPrefix($0) }
                && !["HOME", "LANG", "LANGUAGE", "NO_COLOR", "COLUMNS", "TERM", "TZ"].contains(name)
        }
        let home = overrides["HOME"] ?? home.path
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home + "/.config"
        environment["XDG_STATE_HOME"] = home + "/.local/state"
        environment["XDG_DATA_HOME"] = home + "/.local/share"
        environment["XDG_CACHE_HOME"] = home + "/.cache"
        environment["LANG"] = "C.UTF-8"
        environment["TERM"] = "xterm-256color"
        environment["TZ"] = "Europe/Copenhagen"
        // python3 finds modules installed with `pip install --user` through HOME: keep finding the user's.
        if let realHome = inherited["HOME"], environment["PYTHONUSERBASE"] == nil {
            environment["PYTHONUSERBASE"] = realHome + "/.local"
        }
        return environment.merging(overrides) { _, new in new }
    }

    /// A process, not yet started, for `executable` in `directory` with the environment above.
    public static func make(
        _ executable: URL, _ arguments: [String], home: URL, in directory: URL? = nil,
        environment overrides: [String: String] = [:]
    ) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? home
        process.environment = environment(home: home, overrides)
        return process
    }

    /// `python3` as the user's PATH finds it, with `arguments`.
    public static func python(
        _ arguments: [String], home: URL, environment overrides: [String: String] = [:]
    ) -> Process {
        make(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, home: home, environment: overrides)
    }
}
