import Foundation
import SigilTestSupport
import Testing

/// `sign tx --batch` and `tx decode --batch` with the built binary, on files larger than one
/// 256-line chunk so that several threads work at once: order, JSON Lines, and the documented
/// all-or-nothing failure naming "FILE line N".
@Suite struct SignTxBatchTests {
    static let count = 600
    let dir: TemporaryDirectory
    let keyFile: String

    init() throws {
        dir = try TemporaryDirectory()
        keyFile = try devKeyFile(1, in: dir)
    }

    /// The recipient of request `i`: a distinct address per line.
    static func recipient(_ i: Int) -> String { String(format: "0x%040x", 0x1000 + i) }

    /// A one-line type-2 request with nonce `i`, to `recipient(i)` and value `i` wei.
    static func request(_ i: Int, from: String = keyOneAddress) -> String {
        """
        {"format": "sigil.unsigned-tx/1", "type": "0x2", "chainId": "0x1", "nonce": "\(i)", "from": "\(from)", \
        "to": "\(recipient(i))", "value": "\(i)", "data": "0x", "gas": "0x5208", "maxPriorityFeePerGas": "0x3b9aca00", \
        "maxFeePerGas": "0x2540be400", "accessList": []}
        """
    }

    /// `count` requests, one per line, with a blank line after request 99 (line 101 is blank).
    static func requestLines() -> [String] {
        var lines = (0..<count).map { request($0) }
        lines.insert("", at: 100)
        return lines
    }

    func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }

    @Test func signBatchKeepsInputOrderOnEveryThreadCount() throws {
        let file = try dir.file("requests.jsonl", contents: Self.requestLines().joined(separator: "\n") + "\n")
        let signed = try sigil("sign", "tx", "--batch", file.path, "--private-key-file", keyFile, "--threads", "4")
        #expect(signed.status == 0, "\(signed.stderrText)")
        let raws = lines(signed.stdoutText)
        try #require(raws.count == Self.count, "one line per request, the blank line skipped")
        for (i, raw) in raws.enumerated() {
            let (type, fields) = try RawBytes.typedFields(String(raw))
            #expect(type == 2 && fields.count == 12, "line \(i)")
            #expect(fields[1].uint == UInt64(i), "output line \(i) is request \(i) (nonce)")
            #expect(fields[5].bytes.map(RawBytes.hex) == Self.recipient(i), "output line \(i) is request \(i) (to)")
            #expect(fields[6].uint == UInt64(i), "value of line \(i)")
        }
        // One thread gives the same bytes in the same order, and so does signing one request alone.
        let single = try sigil("sign", "tx", "--batch", file.path, "--private-key-file", keyFile, "--threads", "1")
        #expect(single.stdoutText == signed.stdoutText)
        for i in [0, 257, Self.count - 1] {
            let one = try dir.file("one-\(i).json", contents: Self.request(i))
            #expect(try sigil("sign", "tx", one.path, "--private-key-file", keyFile).stdoutText == raws[i] + "\n")
        }

        // --json: one compact {"raw","hash","from"} object per line, in the same order.
        let json = try sigil("sign", "tx", "--batch", file.path, "--private-key-file", keyFile, "--json")
        #expect(json.status == 0, "\(json.stderrText)")
        let objects = try lines(json.stdoutText).map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], "\(line)")
        }
        try #require(objects.count == Self.count)
        #expect(objects.allSatisfy { Set($0.keys) == ["raw", "hash", "from"] && $0["from"] == keyOneAddress })
        #expect(objects.map { $0["raw"]! } == raws.map(String.init))

        // tx decode --batch reads them back in order: the same hashes and the signer.
        let rawFile = try dir.file("raws.txt", contents: signed.stdoutText.replacingOccurrences(of: "\n", with: "\n\n"))
        let decoded = try sigil("tx", "decode", "--batch", rawFile.path, "--threads", "3")
        #expect(decoded.status == 0, "\(decoded.stderrText)")
        let pairs = lines(decoded.stdoutText).map { $0.split(separator: " ").map(String.init) }
        #expect(pairs.map { $0.first ?? "" } == objects.map { $0["hash"]! })
        #expect(pairs.allSatisfy { $0.count == 2 && $0[1] == keyOneAddress })
        let decodedJSON = try sigil("tx", "decode", "--batch", rawFile.path, "--json")
        let decodedObjects = try lines(decodedJSON.stdoutText).map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        }
        #expect(decodedObjects.map { $0["hash"] ?? "" } == objects.map { $0["hash"]! })
        #expect(decodedObjects.allSatisfy { Set($0.keys) == ["hash", "from"] && $0["from"] == keyOneAddress })
    }

    /// One refused line fails the whole batch (documented in `sign tx --help`): nothing on stdout,
    /// no output file, and the error names the first bad line with that line's exit status.
    @Test func signBatchWithBadLinesPrintsNothingAndNamesTheFirst() throws {
        var lines = Self.requestLines()
        lines[449] = Self.request(449).replacingOccurrences(of: "\"data\"", with: "\"dta\"")   // line 450: unknown field
        lines[520] = "not json"                                                                // a later bad line
        let file = try dir.file("bad.jsonl", contents: lines.joined(separator: "\n"))
        expectFailure(try sigil("sign", "tx", "--batch", file.path, "--private-key-file", keyFile, "--threads", "4"),
                      status: 65, message: "\(file.path) line 450: ")
        let output = dir.url.appendingPathComponent("signed.txt").path
        let r = try sigil("sign", "tx", "--batch", file.path, "--private-key-file", keyFile, "-o", output, "--json")
        #expect(r.status == 65 && r.stderrText.contains("line 450"))
        #expect(!FileManager.default.fileExists(atPath: output), "nothing is written when a line fails")

        // A request for another signer refuses the batch with exit 3, naming its line.
        var other = Self.requestLines()
        other[300] = Self.request(300, from: "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF")   // line 301
        let mismatch = try dir.file("other.jsonl", contents: other.joined(separator: "\n"))
        expectFailure(try sigil("sign", "tx", "--batch", mismatch.path, "--private-key-file", keyFile),
                      status: 3, message: "\(mismatch.path) line 301: the request is to be signed by 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF")
    }

    @Test func decodeBatchWithABadLinePrintsNothingAndNamesIt() throws {
        let file = try dir.file("requests.jsonl", contents: (0..<300).map { Self.request($0) }.joined(separator: "\n"))
        let signed = try sigil("sign", "tx", "--batch", file.path, "--private-key-file", keyFile)
        var raws = lines(signed.stdoutText).map(String.init)
        try #require(raws.count == 300)
        raws[276] = String(raws[276].dropLast(2))                  // line 277: truncated
        raws[290] = try RawBytes.highS(raws[290])                   // line 291: high s, no sender accepted
        let bad = try dir.file("bad-raws.txt", contents: raws.joined(separator: "\n"))
        expectFailure(try sigil("tx", "decode", "--batch", bad.path, "--threads", "2"), status: 65,
                      message: "\(bad.path) line 277: ")
        raws[276] = lines(signed.stdoutText)[276].description
        let highS = try dir.file("high-s-raws.txt", contents: raws.joined(separator: "\n"))
        expectFailure(try sigil("tx", "decode", "--batch", highS.path), status: 3, message: "\(highS.path) line 291: ")
        expectFailure(try sigil("tx", "decode", "--batch", "-", stdin: "0x02\n"), status: 65, message: "standard input line 1: ")
    }

    /// An endless stream is refused once it passes the batch limit, naming the limit, before the
    /// key is even read (memory stays near the limit: measured with /usr/bin/time, not here).
    @Test func endlessOrHugeBatchInputIsRefusedAtTheLimit() throws {
        for arguments in [["sign", "tx", "--batch", "/dev/zero", "--private-key-file", keyFile],
                          ["tx", "decode", "--batch", "/dev/zero"]] {
            expectFailure(try sigil(arguments), status: 65,
                          message: "'/dev/zero' is larger than 16777216 bytes (16 MiB), the limit for this input")
        }
        // a regular file over the limit is refused by its size, without being read
        let big = dir.url.appendingPathComponent("big.jsonl")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 16 << 20 + 1)
        try handle.close()
        expectFailure(try sigil("sign", "tx", "--batch", big.path, "--private-key-file", keyFile), status: 65,
                      message: "is larger than 16777216 bytes (16 MiB)")
    }
}
