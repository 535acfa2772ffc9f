import Foundation
import SigilCore
import Testing

/// A fresh temporary directory for one test.
private func auditTestDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sigil-audit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

@Suite struct AuditLogTests {
    func entry(_ n: Int) -> AuditEntry {
        AuditEntry(time: Int64(n), requestHash: Keccak256.hash([UInt8(n)]), summary: ["Value: \(n) ether"],
                   decision: n % 2 == 0 ? "signed" : "refused: maxValueWei", signedHash: n % 2 == 0 ? [UInt8](repeating: 7, count: 32) : nil)
    }

    func writeLog(_ count: Int) throws -> (path: String, lines: [String]) {
        let path = try auditTestDirectory() + "/audit.jsonl"
        let log = AuditLog(path: path)
        for n in 0..<count { try log.append(entry(n)) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return (path, text.split(separator: "\n").map(String.init))
    }

    func verify(_ lines: [String]) -> Int? {
        do {
            _ = try AuditLog.verify(Array(lines.map { $0 + "\n" }.joined().utf8))
            return nil
        } catch {
            return error.line
        }
    }

    @Test func chainsEachLineToThePrevious() throws {
        let (path, lines) = try writeLog(4)
        #expect(lines.count == 4)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let result = try AuditLog.verify(bytes)
        #expect(result.count == 4)
        #expect(result.head == Keccak256.hash(Array(lines[3].utf8)))
        #expect(lines[0].hasSuffix("\"prev\":\"0x" + String(repeating: "0", count: 64) + "\"}"))
        #expect(lines[1].contains(Keccak256.hash(Array(lines[0].utf8)).hexString))
        #expect(lines[1].contains("\"signedHash\":null"))
        #expect(try AuditLog.verify([]).count == 0)
    }

    @Test func detectsEditsDeletionsAndReordering() throws {
        let (_, lines) = try writeLog(4)
        var edited = lines
        edited[1] = edited[1].replacing("Value: 1 ether", with: "Value: 0 ether")
        #expect(verify(edited) == 3)
        var deleted = lines
        deleted.remove(at: 2)
        #expect(verify(deleted) == 3)
        #expect(verify(Array(lines.dropFirst())) == 1)
        var swapped = lines
        swapped.swapAt(1, 2)
        #expect(verify(swapped) == 2)
        #expect(verify(lines + ["not json"]) == 5)
        #expect(throws: AuditLogError.self) { try AuditLog.verify(Array(lines[0].utf8)) }
    }

    @Test func refusesToAppendAfterAnIncompleteLine() throws {
        let (path, _) = try writeLog(1)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"time\"".utf8))
        handle.closeFile()
        #expect(throws: AuditLogError.self) { try AuditLog(path: path).append(entry(1)) }
    }
}
