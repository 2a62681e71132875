// MARK: - Sessions

extension Strings {
    /// What is wrong with a damaged session file or token, for `sessionDamaged`.
    public static func sessionDamage(_ damage: SessionDamage) -> Localized {
        switch damage {
        case .syntax(.invalidUTF8, let line, let column):
            // Not the deck files' advice to save the file as UTF-8: nobody writes a session file by hand.
            return text("ugyldig UTF-8 i linje \(line), kolonne \(column)", "invalid UTF-8 at line \(line), column \(column)")
        case .syntax(let reason, let line, let column):
            let syntax = syntaxError(reason)
            return text("\(syntax.da) i linje \(line), kolonne \(column)", "\(syntax.en) at line \(line), column \(column)")
        case .field(let path, .missing(let key)):
            return path.isEmpty ? text("feltet »\(key)« mangler", "the field \"\(key)\" is missing")
                : text("feltet »\(key)« mangler i »\(path)«", "the field \"\(key)\" is missing in \"\(path)\"")
        case .field(let path, .wrongType):
            return path.isEmpty ? text("indholdet er ikke et JSON-objekt", "the content is not a JSON object")
                : text("feltet »\(path)« har forkert type", "the field \"\(path)\" has the wrong type")
        case .field(let path, .outOfRange):
            return text("feltet »\(path)« har et tal, der er for stort eller for lille",
                        "the field \"\(path)\" holds a number that is too large or too small")
        case .field(let path, .unreadable):
            return text("feltet »\(path)« har en ugyldig værdi", "the field \"\(path)\" has an invalid value")
        case .positionOutsideScript(let path):
            return text("feltet »\(path)« peger på et sted, der ikke findes i samtalen",
                        "the field \"\(path)\" points to a place that does not exist in the conversation")
        case .invalidStep(let index):
            return text("trin \(index) i samtalens forløb kan ikke gennemføres", "step \(index) of the conversation cannot be taken")
        case .invalidAnswer(let id):
            return text("svaret på »\(id)« passer ikke til spørgsmålet", "the answer to \"\(id)\" does not fit its question")
        case .idMismatch(let file, let inside):
            return text("filen er navngivet efter samtalen \(file), men indeholder samtalen \(inside); giv den navnet \(inside).json igen, eller slet den, hvis den er en kopi",
                        "the file is named for session \(file) but holds session \(inside); give it back the name \(inside).json, or delete it if it is a copy")
        }
    }
}

extension Strings {
    public static func storeError(_ error: SessionStoreError) -> Localized {
        switch error {
        case .notFound(let id):
            text("der findes ingen samtale \(id); `samtale sessions list` viser de gemte samtaler",
                 "there is no session \(id); `samtale sessions list` shows the saved ones")
        case .damaged(let path, let error):
            error.message(path: path)
        case .changed(let id):
            text("samtalen \(id) er blevet ændret af et andet program, efter at den blev åbnet her; dit seneste svar eller din seneste kommando er ikke gemt",
                 "session \(id) was changed by another program after it was opened here; your last answer or command was not saved")
        case .deleted(let id):
            text("samtalen \(id) er blevet slettet af et andet program, efter at den blev åbnet her; dit seneste svar eller din seneste kommando er ikke gemt",
                 "session \(id) was deleted by another program after it was opened here; your last answer or command was not saved")
        case .busy(let id):
            text("samtalen \(id) kan ikke ændres lige nu, fordi et andet program er i gang med at gemme i samme mappe; prøv igen om lidt",
                 "session \(id) cannot be changed just now, as another program is saving in the same folder; try again shortly")
        case .openToOthers(let path):
            text("\(path) er et symbolsk link til en mappe, som andre har adgang til; samtaler gemmes ikke der, før du har kørt `chmod 700` på mappen",
                 "\(path) is a symbolic link to a folder that others can enter; sessions are not saved there until you run `chmod 700` on the folder")
        case .tooLarge(let path, let size):
            cannotRead(path, reason: fileTooLarge(size, limit: SessionStore.largestFile))
        case .notAFile(let path):
            cannotRead(path, reason: text("det er ikke en almindelig fil, men fx et symbolsk link eller en FIFO",
                                          "it is not a regular file but, say, a symbolic link or a FIFO"))
        case .cannotCreate(let path, let code):
            text("kan ikke oprette \(path): \(systemError(code).da)", "cannot create \(path): \(systemError(code).en)")
        case .cannotRead(let path, let code):
            cannotRead(path, reason: systemError(code))
        case .cannotWrite(let path, let code):
            text("kan ikke gemme \(path): \(systemError(code).da)", "cannot save \(path): \(systemError(code).en)")
        }
    }
}

extension Strings {
    /// After a refused save in the terminal: how to carry on from what the other program saved.
    public static func seeWhereItStands(_ id: SessionID) -> Localized {
        text("Fortsæt derfra, hvor samtalen er nået til nu: `samtale talk --resume \(id)`",
             "Carry on from where the conversation stands now: `samtale talk --resume \(id)`")
    }
}
