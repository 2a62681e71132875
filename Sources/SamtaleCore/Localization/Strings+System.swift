#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - System errors

extension Strings {
    /// What a system call's error number means, in words a user can act on. The system's own `strerror` text is
    /// English whatever the interface language, so every message that names a system error goes through here.
    /// libc is imported only for the numbers, which differ between Linux and macOS.
    public static func systemError(_ code: Int32) -> Localized {
        switch code {
        case ENOENT: text("filen eller mappen findes ikke", "no such file or folder")
        case EACCES, EPERM: text("ingen adgang", "permission denied")
        case EEXIST: text("findes allerede", "already exists")
        case ENOTDIR: text("stien, eller en del af den, er ikke en mappe", "the path, or a part of it, is not a folder")
        case EISDIR: text("er en mappe", "is a folder")
        case ENOSPC: text("disken er fuld", "the disk is full")
        case EDQUOT: text("din diskkvote er brugt op", "your disk quota is used up")
        case EROFS: text("filsystemet er skrivebeskyttet", "the file system is read-only")
        case EIO: text("læse- eller skrivefejl på disken", "a read or write error on the disk")
        case ENAMETOOLONG: text("stien er for lang", "the path is too long")
        case ELOOP: text("for mange symbolske links i stien", "too many symbolic links in the path")
        case EMFILE, ENFILE: text("for mange åbne filer", "too many open files")
        case ENOMEM: text("ikke nok hukommelse", "not enough memory")
        case EBUSY, ETXTBSY: text("er i brug", "is in use")
        case EAGAIN: text("midlertidigt utilgængelig; prøv igen om lidt", "temporarily unavailable; try again shortly")
        case EFBIG: text("filen er for stor", "the file is too large")
        case ENXIO, ENODEV: text("enheden findes ikke", "no such device")
        case EPIPE: text("modtageren har lukket forbindelsen", "the receiver has closed the connection")
        case ENOTEMPTY: text("mappen er ikke tom", "the folder is not empty")
        case EXDEV: text("kan ikke flyttes til et andet filsystem", "cannot be moved to another file system")
        case EINVAL: text("handlingen er ikke mulig på denne fil", "the operation is not possible on this file")
        default: text("systemfejl nr. \(code)", "system error number \(code)")
        }
    }
}
