import SigilCore
import SigilTestSupport
import Testing

@Suite struct PayoutBatchTests {
    static let alice = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"
    static let bob = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    static let token = "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"

    private func parse(_ text: String, name: String? = nil) throws -> PayoutBatch {
        try PayoutBatch.parse(Array(text.utf8), name: name)
    }

    @Test func parsesEtherAndTokenRows() throws {
        let text = "id,to,value,token\n1,\(Self.alice),1.5ether,\n\"two, quoted\",\(Self.bob),12.25,\(Self.token)\n"
        let batch = try parse(text)
        #expect(batch.hasTokenColumn)
        #expect(batch.rows.count == 2)
        #expect(batch.rows[0] == PayoutRow(id: "1", to: try Address(parsing: Self.alice), valueText: "1.5ether",
                                           wei: 1_500_000_000_000_000_000, token: nil, line: 2))
        #expect(batch.rows[1].id == "two, quoted")
        #expect(batch.rows[1].wei == nil)
        #expect(batch.rows[1].valueText == "12.25")
        #expect(batch.rows[1].token == (try Address(parsing: Self.token)))
        #expect(batch.batchKey(rowId: "1") == "\(batch.name)#1")
        #expect(batch.name.hasPrefix("csv-") && batch.name.count == 20)
    }

    @Test func bomCRLFBlankLinesDoubledQuotesAndNoFinalNewline() throws {
        let text = "\u{FEFF}id,to,value\r\n\r\n\"say \"\"hi\"\"\",\(Self.alice),100gwei\r\n   \n\"multi, \"\"line\"\"\",\(Self.bob),\"1\r\nwei\""
        let batch = try parse(text)
        #expect(batch.rows.map(\.id) == ["say \"hi\"", "multi, \"line\""])
        #expect(batch.rows.map(\.line) == [3, 5])
        #expect(batch.rows.map(\.wei) == [100_000_000_000, 1])
        #expect(!batch.hasTokenColumn)
    }

    @Test func derivedNameIgnoresFormattingButNotContent() throws {
        let plain = try parse("id,to,value\n1,\(Self.alice),1ether\n2,\(Self.bob),2gwei\n")
        let reformatted = try parse("\u{FEFF}id,to,value\r\n\"1\",\(Self.alice.lowercased()),1000000000000000000wei\r\n2,\(Self.bob), 2 gwei")
        #expect(plain.name == reformatted.name)
        let edited = try parse("id,to,value\n1,\(Self.alice),1ether\n2,\(Self.bob),3gwei\n")
        #expect(plain.name != edited.name)
        #expect(try parse("id,to,value\n1,\(Self.alice),1ether\n", name: "june").batchKey(rowId: "1") == "june#1")
    }

    @Test(arguments: [
        ("", 1, nil, "the file is empty"),
        ("id,to,amount\n", 1, nil, "expected the header id,to,value or id,to,value,token, got id,to,amount"),
        ("to,id,value\n", 1, nil, "columns must be in the order id,to,value[,token]"),
        ("id,to,value\n", 1, nil, "no payout rows"),
        ("id,to,value\n1,\(alice)\n", 2, nil, "expected 3 fields (id,to,value), found 2"),
        ("id,to,value\n,\(alice),1ether\n", 2, "id", "empty id"),
        ("id,to,value\n1,\(alice),1ether\n2,\(bob),1ether\n1,\(bob),2ether\n", 4, "id", "duplicate id \"1\" (first used on line 2)"),
        ("id,to,value\n1,0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d35A,1ether\n", 2, "to", "invalid EIP-55 checksum"),
        ("id,to,value\n1,0x1234,1ether\n", 2, "to", "40 hex digits"),
        ("id,to,value\n1,0x0000000000000000000000000000000000000000,1ether\n", 2, "to", "zero address"),
        ("id,to,value\n1,\(alice),1.5\n", 2, "value", "unit"),
        ("id,to,value\n1,\(alice),-1ether\n", 2, "value", "negative"),
        ("id,to,value\n1,\(alice),1e18wei\n", 2, "value", "scientific notation"),
        ("id,to,value,token\n1,\(alice),1ether,\(token)\n", 2, "value", "without a unit"),
        ("id,to,value,token\n1,\(alice),1,0x12\n", 2, "token", "40 hex digits"),
        ("id,to,value\n1,\(alice),1ether\n\n\n7,\(alice),1ether\n8,\(alice),1.0000000001gwei\n", 6, "value", "10 decimals"),
        ("id,to,value\n\"a\nb\",\(alice),1ether\n", 2, "id", "control characters"),
        ("id,to,value\n\"x\",\"\(alice)\",\"1\nether\"\n9,0x12,1wei\n", 4, "to", "40 hex digits"),
        ("id,to,value\n\"1,\(alice),1ether\n", 2, "id", "never closed"),
        ("id,to,value\n\"1\"x,\(alice),1ether\n", 2, "id", "after a closing quote"),
        ("id,to,value\n1,\(alice),1\"ether\n", 2, "value", "quote inside an unquoted field"),
        ("id,to,value\n1,\(alice),1ether\r2,\(alice),1ether\n", 2, nil, "carriage return"),
        ("id,to,value\n1,\(alice),1ether,\n", 2, nil, "found 4"),
    ] as [(String, Int, String?, String)])
    func errorsNameLineAndColumn(text: String, line: Int, column: String?, fragment: String) throws {
        do {
            _ = try parse(text)
            Issue.record("accepted: \(text.debugDescription)")
        } catch let error as PayoutCSVError {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.description.contains(fragment), "\(error)")
            let prefix = "payouts.csv line \(line)" + (column.map { ", column \($0)" } ?? "") + ": "
            #expect(error.description.hasPrefix(prefix), "\(error)")
            #expect(error.category == .invalidInput)
        }
    }

    @Test func invalidUTF8AndLimits() throws {
        var bytes = Array("id,to,value\n1".utf8)
        bytes.append(0xFF)
        bytes += Array(",\(Self.alice),1ether\n".utf8)
        #expect(throws: PayoutCSVError(file: "payouts.csv", line: 2, column: "id", message: "not valid UTF-8")) {
            try PayoutBatch.parse(bytes)
        }
        var text = "id,to,value\n"
        for i in 0..<6 { text += "\(i),\(Self.alice),1wei\n" }
        #expect(throws: PayoutCSVError.self) { try PayoutBatch.parse(Array(text.utf8), maxRows: 5) }
        #expect(try PayoutBatch.parse(Array(text.utf8), maxRows: 6).rows.count == 6)
        #expect(throws: PayoutCSVError(file: "payouts.csv", line: 0, column: nil, message: "batch name must not contain '#'")) {
            try PayoutBatch.parse(Array(text.utf8), name: "a#b")
        }
        let long = "id,to,value\n" + String(repeating: "x", count: 5000) + ",\(Self.alice),1wei\n"
        #expect(throws: PayoutCSVError.self) { try PayoutBatch.parse(Array(long.utf8)) }
    }
}
