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

    func verify(_ lines: [String], recorded: AuditHead) -> Int? {
        do {
            _ = try AuditLog.verify(Array(lines.map { $0 + "\n" }.joined().utf8), recorded: recorded)
            return nil
        } catch {
            return error.line
        }
    }

    /// Appends four entries the way the signer does, carrying the head from one append to the next.
    func writeLogWithHead() throws -> (path: String, lines: [String], head: AuditHead) {
        let path = try auditTestDirectory() + "/audit.jsonl"
        let log = AuditLog(path: path)
        var head: AuditHead?
        for n in 0..<4 { head = try log.append(entry(n), after: head) }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        return (path, lines, try #require(head))
    }

    @Test func appendReturnsTheHead() throws {
        let (path, lines, head) = try writeLogWithHead()
        #expect(head == AuditHead(count: 4, hash: Keccak256.hash(Array(lines[3].utf8))))
        let result = try AuditLog.verify(Array(try Data(contentsOf: URL(fileURLWithPath: path))), recorded: head)
        #expect(result.count == 4 && result.head == head.hash)
    }

    /// The chain alone cannot see a change to the last line or lines cut from the end; the head
    /// recorded beside the log can. Changes in the middle are still found by the chain.
    @Test func recordedHeadFindsAnEditedOrDeletedLastLine() throws {
        let (_, lines, head) = try writeLogWithHead()
        #expect(verify(lines, recorded: head) == nil)
        var edited = lines
        edited[3] = edited[3].replacing("Value: 3 ether", with: "Value: 0 ether")
        #expect(edited != lines)
        #expect(verify(edited) == nil)
        #expect(verify(edited, recorded: head) == 4)
        let lastDeleted = Array(lines.dropLast())
        #expect(verify(lastDeleted) == nil)
        #expect(verify(lastDeleted, recorded: head) == 4)
        #expect(verify(Array(lines.dropLast(2)), recorded: head) == 3)
        #expect(verify([], recorded: head) == 1)
        #expect(verify(lines + [lines[3]], recorded: head) == 5)
        var middle = lines
        middle[1] = middle[1].replacing("Value: 1 ether", with: "Value: 0 ether")
        #expect(verify(middle, recorded: head) == 3)
        var deleted = lines
        deleted.remove(at: 1)
        #expect(verify(deleted, recorded: head) == 2)
        var swapped = lines
        swapped.swapAt(1, 2)
        #expect(verify(swapped, recorded: head) == 2)
        do {
            _ = try AuditLog.verify(Array(lastDeleted.map { $0 + "\n" }.joined().utf8), recorded: head)
        } catch {
            #expect(error.description.contains("the last line was deleted"))
        }
    }

    @Test func appendRefusesALogThatDoesNotEndAtTheRecordedHead() throws {
        let (path, lines, head) = try writeLogWithHead()
        let edited = lines.dropLast() + [lines[3].replacing("Value: 3 ether", with: "Value: 9 ether")]
        let changed = Data(edited.map { $0 + "\n" }.joined().utf8)
        try changed.write(to: URL(fileURLWithPath: path))
        #expect(throws: AuditLogError.self) { try AuditLog(path: path).append(entry(4), after: head) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == changed)
        // Without a recorded head (a first state file), append verifies the log to learn it.
        let fresh = try AuditLog(path: path).append(entry(4), after: nil)
        #expect(fresh.count == 5)
        let (other, _) = try writeLog(2)
        try Data("garbage\n".utf8).write(to: URL(fileURLWithPath: other), options: [])
        #expect(throws: AuditLogError.self) { try AuditLog(path: other).append(entry(3), after: nil) }
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
