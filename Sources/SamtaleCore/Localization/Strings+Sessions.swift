// MARK: - Sessions

extension Strings {
    /// What is wrong with a damaged session file or token, for `sessionDamaged`.
    public static func sessionDamage(_ damage: SessionDamage) -> Localized {
        switch damage {
        case .syntax(let reason, let line, let column):
            let syntax = syntaxError(reason)
            return text("\(syntax.da) i linje \(line), kolonne \(column)", "\(syntax.en) at line \(line), column \(column)")
        case .field(let path, .missing(let key)):
            return path.isEmpty ? text("feltet »\(key)« mangler", "the field \"\(key)\" is missing")
                : text("feltet »\(key)« mangler i \(path)", "the field \"\(key)\" is missing in \(path)")
        case .field(let path, .wrongType):
            return text("\(path) har en forkert type", "\(path) has the wrong type")
        case .field(let path, .outOfRange):
            return text("tallet i \(path) er uden for det tilladte", "the number in \(path) is out of range")
        case .field(let path, .unreadable):
            return text("\(path) kan ikke læses", "\(path) cannot be read")
        case .positionOutsideScript(let path):
            return text("\(path) peger på et sted, som samtalen ikke har", "\(path) points to a place the conversation does not have")
        case .invalidStep(let index):
            return text("trin \(index) i samtalens forløb kan ikke gennemføres", "step \(index) of the conversation cannot be taken")
        case .invalidAnswer(let id):
            return text("svaret på »\(id)« passer ikke til spørgsmålet", "the answer to \"\(id)\" does not fit its question")
        case .idMismatch(let file, let inside):
            return text("filen hedder \(file), men indeholder samtalen \(inside); giv den sit eget navn igen",
                        "the file is named \(file) but holds session \(inside); give it back its own name")
        }
    }

    public static let sessionUnencodable = text("samtalen indeholder en værdi, der ikke kan skrives som JSON",
                                                "the session holds a value that cannot be written as JSON")
}

extension Strings {
    public static func storeError(_ error: SessionStoreError) -> Localized {
        switch error {
        case .notFound(let id):
            text("der er ingen samtale \(id); `samtale sessions list` viser dem, der er",
                 "there is no session \(id); `samtale sessions list` shows those there are")
        case .damaged(let path, let error):
            error.message(path: path)
        case .changed(let id):
            text("samtalen \(id) er blevet ændret af et andet program, efter at den blev åbnet her; det sidste svar er ikke gemt",
                 "session \(id) was changed by another program after it was opened here; the last answer was not saved")
        case .deleted(let id):
            text("samtalen \(id) er blevet slettet af et andet program, efter at den blev åbnet her; det sidste svar er ikke gemt",
                 "session \(id) was deleted by another program after it was opened here; the last answer was not saved")
        case .busy(let id):
            text("samtalen \(id) kan ikke gemmes lige nu, fordi et andet program er i gang med at gemme i samme mappe; prøv igen om lidt",
                 "session \(id) cannot be saved just now, as another program is saving in the same folder; try again shortly")
        case .openToOthers(let path):
            text("\(path) er et symbolsk link til en mappe, som andre har adgang til; kør `chmod 700` på mappen, før samtale gemmer samtaler der",
                 "\(path) is a symbolic link to a folder that others can enter; run `chmod 700` on it before samtale saves sessions there")
        case .cannotCreate(let path, let code):
            text("kan ikke oprette \(path): \(systemError(code).da)", "cannot create \(path): \(systemError(code).en)")
        case .cannotRead(let path, let code):
            text("kan ikke læse \(path): \(systemError(code).da)", "cannot read \(path): \(systemError(code).en)")
        case .cannotWrite(let path, let code):
            text("kan ikke gemme \(path): \(systemError(code).da)", "cannot save \(path): \(systemError(code).en)")
        }
    }
}

extension Strings {
    /// After a refused save in the terminal: how to carry on from what the other program saved.
    public static func seeWhereItStands(_ id: SessionID) -> Localized {
        text("Se, hvor samtalen står nu, med `samtale talk --resume \(id)`",
             "See where the conversation stands now with `samtale talk --resume \(id)`")
    }
}
