import SamtaleCore

/// The interface language: `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG), else Danish.
/// Read before parsing, so that even argument errors speak the user's language.
func interfaceLanguage(_ arguments: [String]) -> Language {
    for (index, argument) in arguments.enumerated() {
        if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7))) ?? .da }
        if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) ?? .da }
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap(System.environment).first { !$0.isEmpty }
    return Language(locale: locale)
}

System.ignoreBrokenPipes()
let arguments = Array(CommandLine.arguments.dropFirst())
let language = interfaceLanguage(arguments)
System.end(Commands.run(arguments, language: language), language: language)
