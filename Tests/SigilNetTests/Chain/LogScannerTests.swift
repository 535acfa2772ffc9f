import Foundation
import Testing
import SigilCore
@testable import SigilNet
import SigilTestSupport

/// Chunked `eth_getLogs` against real dev nodes that refuse large ranges (`--max-log-range`) or
/// large answers (`--max-log-results`), compared with one `eth_getLogs` over the whole range on
/// a node without limits that ran the very same transactions.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct LogScannerTests {
    /// Spray counts: one transaction each, Transfer logs, ≤ 20 per block; 13 empty blocks after each.
    static let sprays = [3, 9, 15, 20, 11, 6, 1, 17]
    static let recipient = "0x000000000000000000000000000000000000bEEF"

    /// A token, a Reverter (whose ValueSet logs the address filter must leave out) and the sprays.
    static func workload(_ node: DevNode) throws -> (token: Address, other: Address, last: UInt64) {
        let token = try TestContracts.token(on: node)
        let reverter = try TestContracts.deploy(.reverter, on: node)
        for (i, count) in sprays.enumerated() {
            try TestContracts.send("spray", of: .sigilToken, at: token, args: [recipient, count], on: node, from: 1)
            try TestContracts.send("setValue", of: .reverter, at: reverter, args: [i], on: node, from: 2)
            _ = try node.rpc("devnode_mine", ["0xd"])
        }
        let last = try NodeReader(client: JSONRPCClient(url: node.url, timeout: 30)).blockNumber()
        return (try Address(parsing: token), try Address(parsing: reverter), last)
    }

    /// What identifies a log across two nodes that ran the same transactions (block hashes differ).
    static func identity(_ log: EventLog) -> String {
        "\(log.blockNumber)/\(log.logIndex)/\(Hex.encode(log.transactionHash))/\(log.address.checksummed)/"
            + log.topics.map { Hex.encode($0) }.joined(separator: ",") + "/" + Hex.encode(log.data)
    }

    /// One eth_getLogs over the whole range, straight from the node.
    static func oneRequest(_ node: DevNode, _ filter: LogFilter, to last: UInt64) throws -> [EventLog] {
        let answer = try JSONRPCClient(url: node.url, timeout: 60).call("eth_getLogs", [filter.json(from: 0, to: last)])
        return try (answer.arrayValue ?? []).map { try EventLog(json: $0) }
    }

    static func scan(_ node: DevNode, _ filter: LogFilter, chunk: UInt64, last: UInt64) throws -> (logs: [EventLog], summary: LogScanner.Summary, progress: [LogScanner.Progress]) {
        var logs: [EventLog] = [], progress: [LogScanner.Progress] = []
        let scanner = LogScanner(client: JSONRPCClient(url: node.url, timeout: 60), chunkSize: chunk)
        let summary = try scanner.scan(filter, from: 0, to: last, progress: { progress.append($0) }) { logs += $0 }
        return (logs, summary, progress)
    }

    @Test func refusedRangesAreHalvedAndEveryLogComesOnce() throws {
        let unlimited = try DevNode()
        let truth = try Self.workload(unlimited)
        let limited = try DevNode(options: ["--max-log-range", "7"])
        let run = try Self.workload(limited)
        #expect(run.last == truth.last && run.token == truth.token, "the same transactions give the same chain shape")

        // The token's logs only (not the Reverter's ValueSet).
        let filter = LogFilter(addresses: [run.token])
        let expected = try Self.oneRequest(unlimited, filter, to: truth.last)
        #expect(expected.count == 1 + Self.sprays.reduce(0, +), "the mint and every sprayed Transfer")
        // The limited node itself refuses the whole range in one request.
        #expect(throws: RPCError.self) { _ = try Self.oneRequest(limited, filter, to: run.last) }

        let (logs, summary, progress) = try Self.scan(limited, filter, chunk: 50, last: run.last)
        #expect(logs.map(Self.identity) == expected.map(Self.identity), "every log exactly once, in block and log order")
        #expect(Set(logs.map(\.key)).count == logs.count)
        #expect(summary.refusals >= 3 && summary.finalChunkSize <= 7 && summary.finalChunkSize >= 4,
                "50 → 25 → 12 → 6 blocks: \(summary)")
        #expect(summary.logs == logs.count && summary.fromBlock == 0 && summary.toBlock == run.last)
        #expect(progress.last?.scannedThrough == run.last && progress.last?.logs == logs.count)
        #expect(zip(progress, progress.dropFirst()).allSatisfy { $0.scannedThrough < $1.scannedThrough })

        // A topic filter: Transfers to the recipient, by topic 2, through both contracts.
        var toRecipient = LogFilter(addresses: [run.token, run.other])
        toRecipient.require(topic: [UInt8](repeating: 0, count: 12) + (try Address(parsing: Self.recipient)).bytes, at: 2)
        let sprayed = try Self.scan(limited, toRecipient, chunk: 1_000, last: run.last).logs
        #expect(sprayed.count == Self.sprays.reduce(0, +))
        #expect(sprayed.map(Self.identity) == (try Self.oneRequest(unlimited, toRecipient, to: truth.last)).map(Self.identity))
    }

    @Test func answersWithTooManyResultsAreSplitToo() throws {
        let unlimited = try DevNode()
        let truth = try Self.workload(unlimited)
        let limited = try DevNode(options: ["--max-log-results", "25"])
        let run = try Self.workload(limited)
        let expected = try Self.oneRequest(unlimited, LogFilter(), to: truth.last)
        #expect(expected.count == 1 + Self.sprays.reduce(0, +) + Self.sprays.count, "Transfers and ValueSets")
        let (logs, summary, _) = try Self.scan(limited, LogFilter(), chunk: 10_000, last: run.last)
        #expect(logs.map(Self.identity) == expected.map(Self.identity))
        #expect(summary.refusals >= 1, "\(summary)")
    }

    @Test func aRangeRefusedAtOneBlockIsAnError() throws {
        // 20 logs in one block, at most 5 per answer: no split helps.
        let node = try DevNode(options: ["--max-log-results", "5"])
        let token = try TestContracts.token(on: node)
        try TestContracts.send("spray", of: .sigilToken, at: token, args: [Self.recipient, 20], on: node, from: 1)
        let last = try NodeReader(client: JSONRPCClient(url: node.url, timeout: 30)).blockNumber()
        #expect {
            _ = try Self.scan(node, LogFilter(), chunk: 64, last: last)
        } throws: { error in
            guard case .node(_, -32005, _, _) = error as? RPCError else { return false }
            return true
        }
    }

    @Test func plainAnswersAreReadAsTheJSONParserReadsThem() throws {
        let node = try DevNode()
        let token = try TestContracts.token(on: node)
        try TestContracts.send("spray", of: .sigilToken, at: token, args: [Self.recipient, 7], on: node, from: 1)
        let raw = try node.post(#"{"jsonrpc":"2.0","id":77,"method":"eth_getLogs","params":[{"fromBlock":"0x0","toBlock":"latest"}]}"#)
        #expect(raw.status == 200)
        let general = try LogScanner.logs(in: try #require(try JSONParser.parse(raw.body)["result"]))
        #expect(general.count == 8)
        let fast = try #require(LogsAnswer.logs(Array(raw.body.utf8), id: 77), "the node's answer has the plain shape")
        #expect(fast == general)
        // Reordered, pretty-printed, with extra scalar members: the same logs.
        let parsed = try JSONParser.parse(raw.body)
        let items = try #require(parsed["result"]?.arrayValue)
        let reshaped = JSONValue.object([("result", .array(items.map { item in
            .object((item.objectValue ?? []).reversed() + [("blockTimestamp", .string("0x1")), ("extra", .null), ("n", .number("1.5"))])
        })), ("id", .integer(77)), ("jsonrpc", .string("2.0"))])
        #expect(LogsAnswer.logs(Array(reshaped.serialized(pretty: true).utf8), id: 77) == general)
        // Anything else is left to the general reader: another id, an error, an escape, a nested member.
        #expect(LogsAnswer.logs(Array(raw.body.utf8), id: 78) == nil)
        let compact = parsed.serialized()
        #expect(LogsAnswer.logs(Array(compact.utf8), id: 77) == general)
        #expect(LogsAnswer.logs(Array(#"{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"too many"}}"#.utf8), id: 1) == nil)
        let escaped = compact.replacingOccurrences(of: "\"data\":\"0x", with: "\"note\":\"a\\nb\",\"data\":\"0x")
        #expect(escaped != compact && LogsAnswer.logs(Array(escaped.utf8), id: 77) == nil)
        let nested = compact.replacingOccurrences(of: "\"data\":\"0x", with: "\"note\":{\"a\":1},\"data\":\"0x")
        #expect(nested != compact && LogsAnswer.logs(Array(nested.utf8), id: 77) == nil)
        #expect(LogsAnswer.logs(Array(compact.replacingOccurrences(of: "\"logIndex\":\"0x", with: "\"logIndex\":\"0x0").utf8), id: 77) == nil,
                "a quantity with a leading zero")
    }

    @Test func refusalsAreRecognisedByCodeAndWording() {
        let refusals: [RPCError] = [
            .node(method: "eth_getLogs", code: -32005, message: "query returned more than 10000 results", data: nil),
            .node(method: "eth_getLogs", code: -32000, message: "block range is too wide", data: nil),
            .node(method: "eth_getLogs", code: -32602, message: "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range", data: nil),
            .node(method: "eth_getLogs", code: -32000, message: "exceed maximum block range: 5000", data: nil),
            .httpStatus(413, excerpt: ""),
        ]
        for error in refusals { #expect(LogScanner.isRangeRefusal(error), "\(error)") }
        let others: [RPCError] = [
            .node(method: "eth_getLogs", code: -32601, message: "the method eth_getLogs does not exist/is not available", data: nil),
            .httpStatus(500, excerpt: "oops"),
            .malformed("garbage"),
        ]
        for error in others { #expect(!LogScanner.isRangeRefusal(error), "\(error)") }
    }

    @Test func filterParameterHasTheJSONRPCShape() throws {
        var filter = LogFilter(addresses: [try Address(parsing: "0x000000000000000000000000000000000000dEaD")])
        let a = [UInt8](repeating: 0xaa, count: 32), b = [UInt8](repeating: 0xbb, count: 32)
        filter.require(topic: a, at: 0)
        filter.require(topic: a, at: 2)
        filter.require(topic: b, at: 2)
        let json = filter.json(from: 16, to: 31).serialized()
        let aHex = Hex.encode(a), bHex = Hex.encode(b)
        #expect(json == #"{"fromBlock":"0x10","toBlock":"0x1f","address":"0x000000000000000000000000000000000000dead","topics":["\#(aHex)",null,["\#(aHex)","\#(bHex)"]]}"#)
    }
}
