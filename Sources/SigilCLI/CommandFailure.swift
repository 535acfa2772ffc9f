import SigilCore

/// An error raised by a command itself (not by SigilCore), with its exit status.
public struct CommandFailure: Error, CustomStringConvertible {
    public let status: ExitStatus
    public let message: String

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }
}
