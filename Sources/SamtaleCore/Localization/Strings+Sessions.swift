// MARK: - Sessions

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
