import Foundation
import SigilCore
import Testing

/// A fresh temporary directory for one test.
private func policyTestDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sigil-policy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

@Suite struct PolicyStateTests {
    let ether: U256 = 1_000_000_000_000_000_000
    let recipient = try! Address(parsing: "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF")

    func request(_ value: U256) -> TransactionRequest {
        TransactionRequest(type: .dynamicFee, chainId: 1, nonce: 0, to: recipient, value: value, gas: 21_000,
                           maxFeePerGas: 1, maxPriorityFeePerGas: 1)
    }

    @Test func dailyTotalSurvivesRestartAndResetsOnNewDay() throws {
        let ledger = PolicyLedger(path: try policyTestDirectory() + "/audit.jsonl.state")
        let policy = SigningPolicy(maxDailyValueWei: ether * 3)
        let noon: Int64 = 20_000 * 86_400 + 43_200

        // Sign 2 ether, then "restart": a new engine reads the state back from disk.
        let first = PolicyEngine(policy: policy, clock: { noon })
        #expect(first.evaluate(request: request(ether * 2), state: try ledger.load()) == .allowed)
        try ledger.save(PolicyLedger.Contents(state: first.recording(request(ether * 2), in: try ledger.load())))

        let restarted = PolicyEngine(policy: policy, clock: { noon + 3_600 })
        let state = try ledger.load()
        #expect(state == PolicyState(day: 20_000, spentWei: ether * 2))
        #expect(restarted.evaluate(request: request(ether), state: state) == .allowed)
        let refused = restarted.evaluate(request: request(ether * 2), state: state)
        #expect(refused.description.contains("maxDailyValueWei"))
        #expect(refused.description.contains("2 ether signed today"))

        // One second before midnight UTC the total still counts; at midnight it resets.
        let lastSecond = PolicyEngine(policy: policy, clock: { 20_001 * 86_400 - 1 })
        #expect(!lastSecond.evaluate(request: request(ether * 2), state: state).isAllowed)
        let nextDay = PolicyEngine(policy: policy, clock: { 20_001 * 86_400 })
        #expect(nextDay.evaluate(request: request(ether * 3), state: state) == .allowed)
        #expect(nextDay.recording(request(ether), in: state) == PolicyState(day: 20_001, spentWei: ether))
    }

    @Test func missingStateIsEmptyAndMalformedStateIsRefused() throws {
        let path = try policyTestDirectory() + "/s.state"
        #expect(try PolicyLedger(path: path).load() == PolicyState())
        try Data("{\"day\": 5}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PolicyError.self) { try PolicyLedger(path: path).load() }
    }

    @Test func stateFileKeepsTheAuditHead() throws {
        let path = try policyTestDirectory() + "/s.state"
        let ledger = PolicyLedger(path: path)
        let head = AuditHead(count: 12, hash: Keccak256.hash([1, 2, 3]))
        let contents = PolicyLedger.Contents(state: PolicyState(day: 20_000, spentWei: ether), auditHead: head)
        try ledger.save(contents)
        #expect(try ledger.read() == contents)
        #expect(try ledger.load() == contents.state)
        #expect(try String(contentsOfFile: path, encoding: .utf8)
            == "{\"day\":\"20000\",\"spentWei\":\"\(ether.decimalString)\",\"auditCount\":\"12\",\"auditHead\":\"\(head.hash.hexString)\"}\n")
        // A file from before the head was recorded reads with no head; half a head is malformed.
        try Data("{\"day\":\"3\",\"spentWei\":\"5\"}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try ledger.read() == PolicyLedger.Contents(state: PolicyState(day: 3, spentWei: 5)))
        try Data("{\"day\":\"3\",\"spentWei\":\"5\",\"auditCount\":\"1\",\"extra\":\"0x00\"}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PolicyError.self) { try ledger.read() }
        try Data("{\"day\":\"3\",\"spentWei\":\"5\",\"auditCount\":\"-1\",\"auditHead\":\"\(head.hash.hexString)\"}".utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect(throws: PolicyError.self) { try ledger.read() }
    }

    @Test func dayOfUnixTime() {
        #expect(PolicyState.day(of: 0) == 0)
        #expect(PolicyState.day(of: 86_399) == 0)
        #expect(PolicyState.day(of: 86_400) == 1)
        #expect(PolicyState.day(of: -1) == -1)
    }
}
