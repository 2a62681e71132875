// MARK: - Sessions

/// What went wrong in the session store, for whoever holds the session: the command line and the protocol alike.
extension SessionStoreError: ExplainedError {
    public var message: Localized {
        switch self {
        case .notFound(let id):
            Strings.text(
                "der findes ingen samtale \(id); `samtale sessions list` viser de gemte samtaler",
                "there is no session \(id); `samtale sessions list` shows the saved ones")
        case .damaged(let path, let error):
            error.message(path: path)
        case .changed(let id):
            Strings.text(
                "samtalen \(id) er blevet ændret af et andet program, efter at den blev åbnet her; dit seneste "
                    + "svar eller din seneste kommando er ikke gemt",
                "session \(id) was changed by another program after it was opened here; your last answer or "
                    + "command was not saved"
            )
        case .deleted(let id):
            Strings.text(
                "samtalen \(id) er blevet slettet af et andet program, efter at den blev åbnet her; dit seneste "
                    + "svar eller din seneste kommando er ikke gemt",
                "session \(id) was deleted by another program after it was opened here; your last answer or "
                    + "command was not saved"
            )
        case .busy(let id):
            Strings.text(
                "samtalen \(id) kan ikke ændres lige nu, fordi et andet program er i gang med at gemme i samme "
                    + "mappe; prøv igen om lidt",
                "session \(id) cannot be changed just now, as another program is saving in the same folder; try "
                    + "again shortly"
            )
        case .openToOthers(let path):
            Strings.text(
                "\(path) er et symbolsk link til en mappe, som andre har adgang til; samtaler gemmes ikke der, "
                    + "før du har kørt `chmod 700` på mappen",
                "\(path) is a symbolic link to a folder that others can enter; sessions are not saved there "
                    + "until you run `chmod 700` on the folder"
            )
        case .tooLarge(let path, let size):
            Strings.cannotRead(path, reason: Strings.fileTooLarge(size, limit: SessionStore.largestFile))
        case .tooLargeToSave(let id, let size):
            Strings.text(
                "samtalen \(id) kan ikke gemmes: den ville fylde \(Strings.byteSize(size).da), men en samtale kan "
                    + "højst fylde \(Strings.byteSize(SessionStore.largestFile).da); dit seneste svar eller din seneste "
                    + "kommando er ikke gemt, men den senest gemte udgave af samtalen er bevaret; start en ny samtale "
                    + "for at fortsætte",
                "session \(id) cannot be saved: it would take up \(Strings.byteSize(size).en), but a session can "
                    + "take up at most \(Strings.byteSize(SessionStore.largestFile).en); your last answer or command was not "
                    + "saved, but the last saved version of the session is kept; start a new session to continue"
            )
        case .notAFile(let path):
            Strings.cannotRead(
                path,
                reason: Strings.text(
                    "det er ikke en almindelig fil, men fx et symbolsk link eller en FIFO",
                    "it is not a regular file but, say, a symbolic link or a FIFO"))
        case .cannotCreate(let path, let code):
            Strings.cannotCreate(path, reason: Strings.systemError(code))
        case .cannotRead(let path, let code):
            Strings.cannotRead(path, reason: Strings.systemError(code))
        case .cannotWrite(let path, let code):
            Strings.text(
                "kan ikke gemme \(path): \(Strings.systemError(code).da)",
                "cannot save \(path): \(Strings.systemError(code).en)")
        }
    }
}

extension Strings {
    /// After a refused save in the terminal: how to carry on from what the other program saved.
    public static func seeWhereItStands(_ id: SessionID) -> Localized {
        text(
            "Fortsæt derfra, hvor samtalen er nået til nu: `samtale talk --resume \(id)`",
            "Carry on from where the conversation stands now: `samtale talk --resume \(id)`")
    }
}
