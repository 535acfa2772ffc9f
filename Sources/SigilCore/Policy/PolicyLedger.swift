/// The signer's state file beside the audit log (`<log>.state`): the daily total for
/// `maxDailyValueWei` and the audit log's head (`AuditHead`).
///
/// `{"day": "20000", "spentWei": "…", "auditCount": "12", "auditHead": "0x…"}`; a file with
/// only `day` and `spentWei` (written before the head was recorded) is read with no head.
/// Reads and writes happen under a `FileLock` held by the caller; a write replaces the file
/// atomically (`FileIO.writeAtomically`), so a crash leaves the old or the new state, never a mix.
public struct PolicyLedger: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// What the file holds.
    public struct Contents: Sendable, Equatable {
        public var state: PolicyState
        /// nil when no file exists yet, or for a file that predates the recorded head.
        public var auditHead: AuditHead?

        public init(state: PolicyState = PolicyState(), auditHead: AuditHead? = nil) {
            self.state = state
            self.auditHead = auditHead
        }
    }

    /// The stored daily state, or an empty state when the file does not exist yet.
    public func load() throws -> PolicyState { try read().state }

    /// The whole file, or empty contents when it does not exist yet.
    public func read() throws -> Contents {
        guard FileIO.exists(path) else { return Contents() }
        let bytes = try FileIO.read(path, limit: 4096)
        let malformed = PolicyError("'\(path)': the signer's state file is malformed; restore it or remove it deliberately")
        guard let json = try? JSONParser.parse(bytes), case .object(let members) = json else { throw malformed }
        let names = members.map(\.0)
        let stateKeys = ["day", "spentWei"]
        let state: PolicyState
        do {
            state = try PolicyState(json: .object(members.filter { stateKeys.contains($0.0) }))
        } catch {
            throw malformed
        }
        if names.count == 2 { return Contents(state: state) }
        guard names.count == 4, let head = AuditHead(count: json["auditCount"], hash: json["auditHead"]) else { throw malformed }
        return Contents(state: state, auditHead: head)
    }

    /// Replaces the file.
    public func save(_ contents: Contents) throws {
        var members: [(String, JSONValue)] = []
        if case .object(let state) = contents.state.json { members = state }
        members += contents.auditHead?.jsonMembers ?? []
        try FileIO.writeAtomically(path, Array((JSONValue.object(members).serialized() + "\n").utf8), mode: 0o600, overwrite: true)
    }
}
