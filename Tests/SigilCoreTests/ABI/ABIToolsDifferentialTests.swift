import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Packed encoding, event decoding and EIP-191 hashes against eth-abi, eth-utils and
/// eth-account (Tests/Oracles/abi_tools_oracle.py), on random types and values.
@Suite(.enabled(if: TestEnvironment.oraclesEnabled)) struct ABIToolsDifferentialTests {
    /// A random value type (what may be indexed as itself, and packed at its natural size).
    static func randomValueType(using rng: inout SeededGenerator) -> ABIType {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return .uint(bits: 8 * Int.random(in: 1...32, using: &rng))
        case 1: return .int(bits: 8 * Int.random(in: 1...32, using: &rng))
        case 2: return .address
        case 3: return .bool
        default: return .fixedBytes(Int.random(in: 1...32, using: &rng))
        }
    }

    /// Packed encoding of value types, bytes and strings (arrays: see ABIEncoderPackedTests;
    /// eth-abi does not pad their elements as Solidity does).
    @Test func packedMatchesEthABI() throws {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        var cases: [(types: [ABIType], values: [ABIValue])] = []
        for _ in 0..<400 {
            let types = (0..<Int.random(in: 0...5, using: &rng)).map { _ -> ABIType in
                Int.random(in: 0..<4, using: &rng) == 0 ? [ABIType.bytes, .string].randomElement(using: &rng)! : Self.randomValueType(using: &rng)
            }
            cases.append((types, types.map { ABITestSupport.randomValue($0, using: &rng) }))
        }
        let reply = try #require(try PythonOracle.run("abi_tools_oracle.py", input: ["packed": cases.map { c in
            ["types": c.types.map(ABITestSupport.canonical), "values": c.values.map(ABITestSupport.json)]
        }]) as? [String: Any])
        let packed = try #require(reply["packed"] as? [Any])
        try #require(packed.count == cases.count)
        for (c, theirs) in zip(cases, packed) {
            let label = "seed \(seed), types \(c.types.map(ABITestSupport.canonical))"
            let hex = try #require(theirs as? String, "eth-abi refused \(label)")
            #expect(try ABIEncoder.encodePacked(c.values, as: c.types) == ABITestSupport.bytes(hex), "\(label)")
        }
    }

    /// Logs built by eth-abi from random events and values decode back to the values.
    @Test func eventLogsBuiltByEthABIDecode() throws {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        var events: [(event: ABIEvent, values: [ABIValue])] = []
        for n in 0..<300 {
            var indexedLeft = 3
            let parameters = (0..<Int.random(in: 0...5, using: &rng)).map { i -> ABIEvent.Parameter in
                let type = Bool.random(using: &rng) ? Self.randomValueType(using: &rng) : ABITestSupport.randomType(depth: 2, using: &rng)
                let indexed = indexedLeft > 0 && Bool.random(using: &rng)
                if indexed { indexedLeft -= 1 }
                return ABIEvent.Parameter(name: "p\(i)", type: type, indexed: indexed)
            }
            let event = ABIEvent(name: "E\(n)", inputs: parameters)
            events.append((event, parameters.map { ABITestSupport.randomValue($0.type, using: &rng) }))
        }
        let reply = try #require(try PythonOracle.run("abi_tools_oracle.py", input: ["events": events.map { e in
            ["name": e.event.name, "types": e.event.inputs.map { ABITestSupport.canonical($0.type) },
             "indexed": e.event.inputs.map(\.indexed), "values": e.values.map(ABITestSupport.json)] as [String: Any]
        }]) as? [String: Any])
        let logs = try #require(reply["events"] as? [[String: Any]])
        try #require(logs.count == events.count)
        var hashed = 0
        for (e, log) in zip(events, logs) {
            let label = "seed \(seed), \(e.event.declaration)"
            let topics = try #require(log["topics"] as? [String]).map(ABITestSupport.bytes)
            let data = ABITestSupport.bytes(try #require(log["data"] as? String))
            #expect(topics.first == e.event.topic0, "\(label)")
            let decoded = try e.event.decodeLog(topics: topics, data: data)
            var topicIndex = 1
            for (field, (parameter, value)) in zip(decoded.fields, zip(e.event.inputs, e.values)) {
                if parameter.indexed && parameter.isHashedWhenIndexed {
                    #expect(field.value == .hashed(topics[topicIndex]), "\(label)")
                    hashed += 1
                } else {
                    #expect(field.value == .value(value), "\(label) field \(field.name)")
                }
                if parameter.indexed { topicIndex += 1 }
            }
        }
        #expect(hashed > 20, "too few hashed indexed values (\(hashed)) for seed \(seed)")
    }

    @Test func personalMessageHashMatchesEthAccount() throws {
        var rng = SeededGenerator(seed: SeededGenerator.seedFromEnvironment())
        let messages = [[], Array("hello".utf8), rng.bytes(9), rng.bytes(10), rng.bytes(100), rng.bytes(1000)]
            + (0..<20).map { _ in rng.bytes(Int.random(in: 0...200, using: &rng)) }
        let reply = try #require(try PythonOracle.run("abi_tools_oracle.py", input: ["personal": messages.map { Hex.encode($0) }]) as? [String: Any])
        let hashes = try #require(reply["personal"] as? [String])
        try #require(hashes.count == messages.count)
        for (message, theirs) in zip(messages, hashes) {
            #expect(Hex.encode(PersonalMessage.hash(message)) == theirs, "message of \(message.count) bytes")
        }
    }
}
