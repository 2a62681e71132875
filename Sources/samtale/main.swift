#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
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

let arguments = Array(CommandLine.arguments.dropFirst())
let language = interfaceLanguage(arguments)
var status = Commands.run(arguments, language: language)
// Output that did not arrive (a full disk, /dev/full, a closed descriptor) is an I/O error, never a quiet success.
if let error = System.finishOutput() {
    System.printError("samtale: \(CommandLineStrings.cannotWriteOutput(Strings.systemError(error))[language])")
    if status == 0 { status = 74 }
}
exit(status)
