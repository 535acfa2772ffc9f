import SigilCore
import SigilTestSupport
import Testing

@Suite struct ABIEventTests {
    let bytes = ABITestSupport.bytes
    /// topic 0 of ERC-20 Transfer, as published with EIP-20 deployments and block explorers.
    static let transferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"
    static let approvalTopic = "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925"

    func word(_ hex: String) -> [UInt8] {
        let raw = bytes(hex)
        return [UInt8](repeating: 0, count: 32 - raw.count) + raw
    }

    @Test func parsesDeclarations() throws {
        let transfer = try ABIEvent(parsing: "Transfer(address indexed from,address indexed to,uint256 value)")
        #expect(transfer.signature == "Transfer(address,address,uint256)")
        #expect(transfer.inputs.map(\.indexed) == [true, true, false])
        #expect(transfer.inputs.map(\.name) == ["from", "to", "value"])
        #expect(transfer.topic0 == bytes(Self.transferTopic))
        #expect(transfer.topicCount == 3)
        #expect(transfer.declaration == "Transfer(address indexed from, address indexed to, uint256 value)")

        let bare = try ABIEvent(parsing: "event Approval(address indexed, address indexed, uint256)")
        #expect(bare.topic0 == bytes(Self.approvalTopic))
        #expect(bare.inputs.map(\.name) == [nil, nil, nil])

        let anonymous = try ABIEvent(parsing: "event Log(uint256 indexed a, uint256 indexed b, uint256 indexed c, uint256 indexed d) anonymous")
        #expect(anonymous.anonymous)
        #expect(anonymous.topicCount == 4)
    }

    @Test(arguments: [
        ("Transfer(address indexed a, address indexed b, uint256 indexed c, uint256 indexed d)", "at most 3"),
        ("Transfer address", "expected '('"),
        ("(uint256)", "missing event name"),
        ("Transfer(uint256) returns (bool)", "unexpected"),
        ("Transfer(uint257)", "unknown type"),
    ])
    func rejectsBadDeclarations(text: String, message: String) {
        #expect {
            _ = try ABIEvent(parsing: text)
        } throws: { ($0 as? ABIError)?.description.contains(message) == true }
    }

    @Test func decodesAnERC20Transfer() throws {
        let event = try ABIEvent(parsing: "Transfer(address indexed from,address indexed to,uint256 value)")
        let topics = [bytes(Self.transferTopic), word("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf"), word("0x2b5ad5c4795c026514f8317c7a215e218dccd6cf")]
        let decoded = try event.decodeLog(topics: topics, data: word("0x03e8"))
        #expect(decoded.fields.map(\.name) == ["from", "to", "value"])
        #expect(decoded["from"]?.value == .value(.address(try Address(parsing: "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"))))
        #expect(decoded["value"]?.value == .value(.uint(1000)))
        #expect(decoded.description == "Transfer(from: 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf, to: 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF, value: 1000)")
        #expect(decoded.json["topic0"] == .string(Self.transferTopic))

        let known = try #require(KnownEvents.decode(topics: topics, data: word("0x03e8")))
        #expect(known.standard == "ERC-20")
        let nft = try #require(KnownEvents.decode(topics: topics + [word("0x05")], data: []))
        #expect(nft.standard == "ERC-721")
        #expect(nft.event["tokenId"]?.value == .value(.uint(5)))
    }

    @Test func indexedDynamicValuesStayHashes() throws {
        let event = try ABIEvent(parsing: "Named(string indexed name, uint256[] indexed ids, bytes data)")
        let nameHash = Keccak256.hash(Array("alice".utf8))
        let idsHash = [UInt8](repeating: 0xab, count: 32)
        let data = try ABIEncoder.encode([.bytes([1, 2])], as: [.bytes])
        let decoded = try event.decodeLog(topics: [event.topic0, nameHash, idsHash], data: data)
        #expect(decoded["name"]?.value == .hashed(nameHash))
        #expect(decoded["ids"]?.value == .hashed(idsHash))
        #expect(decoded["data"]?.value == .value(.bytes([1, 2])))
        #expect(decoded["name"]?.json["hashed"] == .bool(true))
    }

    @Test func mismatchesAreTypedAndNameTheField() throws {
        let event = try ABIEvent(parsing: "Transfer(address indexed from,address indexed to,uint256 value)")
        let from = word("0x01"), to = word("0x02")
        #expect(throws: EventDecodingError.topic0Mismatch(event: event.signature, expected: event.topic0, found: bytes(Self.approvalTopic))) {
            try event.decodeLog(topics: [bytes(Self.approvalTopic), from, to], data: word("0x01"))
        }
        #expect(throws: EventDecodingError.topicCount(event: event.signature, expected: 3, got: 2)) {
            try event.decodeLog(topics: [event.topic0, from], data: word("0x01"))
        }
        #expect(throws: EventDecodingError.topic0Mismatch(event: event.signature, expected: event.topic0, found: nil)) {
            try event.decodeLog(topics: [], data: [])
        }
        do {
            _ = try event.decodeLog(topics: [event.topic0, from, to], data: [1, 2, 3])
            Issue.record("short data decoded")
        } catch {
            guard case .invalidData(let field, _, _) = error else { Issue.record("\(error)"); return }
            #expect(field == "value")
            #expect(error.description.hasPrefix("field 'value' (uint256) in the data"))
        }
        do {
            _ = try event.decodeLog(topics: [event.topic0, from, [UInt8](repeating: 0xff, count: 32)], data: word("0x01"))
            Issue.record("dirty address topic decoded")
        } catch {
            guard case .invalidTopic(let field, let topic, _) = error else { Issue.record("\(error)"); return }
            #expect(field == "to" && topic == 2)
        }
        // Which data field fails, for a later field.
        let two = try ABIEvent(parsing: "E(uint256 a, string b)")
        var data = ABIEncoder.encodeWords([1, 64, 100])  // b claims 100 bytes that are not there
        data += [UInt8](repeating: 0, count: 32)
        do {
            _ = try two.decodeLog(topics: [two.topic0], data: data)
            Issue.record("bad string decoded")
        } catch {
            guard case .invalidData(let field, _, _) = error else { Issue.record("\(error)"); return }
            #expect(field == "b")
        }
        // Trailing bytes after all fields.
        #expect(throws: EventDecodingError.self) {
            try event.decodeLog(topics: [event.topic0, from, to], data: word("0x01") + [0])
        }
    }
}
