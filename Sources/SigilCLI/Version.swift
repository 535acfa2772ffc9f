/// The version both executables report.
public enum SigilVersion {
    public static let string = "0.1.0"
}
