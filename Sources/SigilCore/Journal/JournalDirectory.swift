/// Every journal under a data directory's `journal/` folder (`<chainId>/<0xaddress>.jsonl`),
/// for the commands that look a transaction up by hash or list them all.
public enum JournalDirectory {
    public static func journals(in directory: String) -> [TransactionJournal] {
        guard let chains = try? FileIO.list(directory) else { return [] }
        var out: [TransactionJournal] = []
        for chain in chains {
            guard let chainId = try? U256(decimal: chain), let files = try? FileIO.list(directory + "/" + chain) else { continue }
            for file in files where file.hasSuffix(".jsonl") {
                guard let address = try? Address(parsing: String(file.dropLast(6))) else { continue }
                out.append(TransactionJournal(directory: directory, chainId: chainId, address: address))
            }
        }
        return out
    }

    /// The journal and record holding transaction `hash`, if any.
    public static func find(hash: [UInt8], in directory: String) throws -> (TransactionJournal, JournalRecord)? {
        for journal in journals(in: directory) {
            if let record = try journal.withLock(timeout: 60, { $0.record(hash: hash) }) { return (journal, record) }
        }
        return nil
    }
}
