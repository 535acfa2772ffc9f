import Foundation
import SigilTestSupport
import Testing

/// `sigil block`, `block-number`, `code`, `storage` and `rpc` against the dev node, compared with
/// what web3.py reads from the same node (Tests/Oracles/web3_chain.py); every `--block` form (tag,
/// decimal, 0x-hex, block hash); and the `--json` shapes of docs/json.md.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct BlockCommandTests {
    let node: DevNode
    let home: TemporaryDirectory

    init() throws {
        home = try TemporaryDirectory()
        node = try DevNode()
    }

    func run(_ arguments: [String], peers: [String]? = nil) throws -> ProcessRunner.Result {
        try CLI.run("sigil", arguments + (peers ?? [node.url]).flatMap { ["--rpc", $0] }, environment: ["SIGIL_HOME": home.url.path])
    }

    func web3(_ ops: [[String: Any]]) throws -> [Any] {
        try #require(try PythonOracle.run("web3_chain.py", input: ["url": node.url, "ops": ops]) as? [Any])
    }

    /// A few blocks with a transaction each, sent by web3.py.
    func mineTransfers(_ count: Int) throws {
        _ = try web3((0..<count).map { i in ["op": "send", "key": 2, "to": keyOneAddress, "value": i + 1] })
    }

    @Test("block by tag, decimal, 0x-hex and hash: the header web3.py reads, trusted by agreement; --field; pending labelled")
    func blockMatchesWeb3() throws {
        try mineTransfers(3)
        let honest = try FaultPeer(upstream: node, .honest)
        let expected = try #require(try web3([["op": "block", "block": 2]]).first as? [String: Any])
        let hash = try #require(expected["hash"] as? String)
        for id in ["2", "0x2", hash] {
            let r = try run(["block", id, "--json"], peers: [node.url, honest.url])
            #expect(r.status == 0, "\(id): \(r.stderrText)")
            let block = try jsonOutput(r)
            for key in ["number", "hash", "parentHash", "timestamp", "gasLimit", "gasUsed", "baseFeePerGas", "stateRoot",
                        "transactionsRoot", "receiptsRoot", "miner"] {
                #expect(block[key] as? String == expected[key] as? String, "\(id) \(key)")
            }
            #expect(block["transactions"] as? [String] == expected["transactions"] as? [String])
            let verification = try #require(block["verification"] as? [String: Any])
            #expect(verification["verified"] as? Bool == true && (verification["peersAgreeing"] as? [String])?.count == 2)
        }
        let latest = try #require(try web3([["op": "block", "block": "latest"]]).first as? [String: Any])
        let latestHash = try #require(latest["hash"] as? String)
        let field = try run(["block", "--field", "hash"])
        #expect(field.status == 0 && field.stdoutText == "\(latestHash)\n", "\(field.stdoutText)")
        #expect(field.stderrText.hasPrefix("verified: block header hashes to its block hash"))
        let transactions = try run(["block", "2", "--field", "transactions"])
        #expect(transactions.stdoutText == ((expected["transactions"] as? [String]) ?? []).joined(separator: "\n") + "\n")
        let unknownField = try run(["block", "--field", "colour"])
        #expect(unknownField.status == 64 && unknownField.stderrText.contains("baseFeePerGas"))

        let text = try run(["block", "2"])
        #expect(text.stdoutText.contains("hash                   \(hash)"), "\(text.stdoutText)")
        let pending = try jsonOutput(try run(["block", "pending", "--json"]))
        #expect((pending["verification"] as? [String: Any])?["verified"] as? Bool == false)
        let missing = try run(["block", "999999"])
        #expect(missing.status != 0)
    }

    @Test("block-number is the agreed height web3.py reads; --no-verify labelled")
    func blockNumberMatchesWeb3() throws {
        try mineTransfers(2)
        let expected = try #require(try web3([["op": "blockNumber"]]).first as? String)
        let r = try run(["block-number"])
        #expect(r.status == 0 && r.stdoutText == expected + "\n", "\(r.stdoutText) \(r.stderrText)")
        #expect(r.stderrText.hasPrefix("verified: block header agreed by the peers, block \(expected)"))
        let json = try jsonOutput(try run(["block-number", "--json", "--no-verify"]))
        #expect(json["blockNumber"] as? String == expected)
        #expect((json["verification"] as? [String: Any])?["reason"] as? String == "--no-verify")
    }

    @Test("code: the token's code as web3.py reads it, proved by codeHash; before deployment and for a plain account, 0x")
    func codeMatchesWeb3() throws {
        let before = try #require(try web3([["op": "block", "block": "latest"]]).first as? [String: Any])
        let token = try #require(try node.rpc("devnode_deployToken", [18]) as? String)
        let expected = try #require(try web3([["op": "code", "address": token]]).first as? [String: Any])
        let r = try run(["code", token, "--json"])
        #expect(r.status == 0, "\(r.stderrText)")
        let code = try jsonOutput(r)
        #expect(code["code"] as? String == expected["code"] as? String)
        #expect(code["codeHash"] as? String == expected["codeHash"] as? String)
        #expect((code["verification"] as? [String: Any])?["proved"] as? String == "code hashes to the codeHash of an account proof against stateRoot")
        let expectedCode = try #require(expected["code"] as? String)
        let text = try run(["code", token])
        #expect(text.stdoutText == "\(expectedCode)\n")

        let earlier = try #require(before["hash"] as? String)
        let earlierNumber = try #require(before["number"] as? String)
        for block in [earlier, earlierNumber] {
            let old = try run(["code", token, "--block", block])
            #expect(old.status == 0 && old.stdoutText == "0x\n", "\(block): \(old.stdoutText) \(old.stderrText)")
        }
        #expect(try run(["code", keyOneAddress]).stdoutText == "0x\n")

        // A peer whose proof is corrupt beside an honest one: named, and the honest proof is used.
        let liar = try FaultPeer(upstream: node, .corruptProof)
        let outvoted = try run(["code", token, "--json"], peers: [liar.url, node.url])
        #expect(outvoted.status == 0, "\(outvoted.stderrText)")
        #expect(outvoted.stderrText.contains(liar.url))
        let alone = try run(["code", token], peers: [liar.url])
        #expect(alone.status == 11 && alone.stdout.isEmpty, "\(alone.stderrText)")
    }

    @Test("storage: the slot web3.py reads, proved by a storage proof, at a tag, a number and a block hash")
    func storageMatchesWeb3() throws {
        let token = try #require(try node.rpc("devnode_deployToken", [18]) as? String)
        let at = try #require(try web3([["op": "block", "block": "latest"]]).first as? [String: Any])
        // The token keeps key 1's balance in the slot numbered by its address (erc20.py).
        let slot = keyOneAddress
        let expected = try #require(try web3([["op": "storage", "address": token, "slot": slot]]).first as? String)
        #expect(expected != "0x" + String(repeating: "0", count: 64))
        _ = try web3([["op": "send", "key": 1, "to": token, "value": 0, "gas": 100_000,
                       "data": "0xa9059cbb" + String(repeating: "0", count: 24) + "2b5ad5c4795c026514f8317c7a215e218dccd6cf" + String(format: "%064x", 5)]])
        let now = try #require(try web3([["op": "storage", "address": token, "slot": slot]]).first as? String)
        #expect(now != expected)
        let atHash = try #require(at["hash"] as? String), atNumber = try #require(at["number"] as? String)
        for (block, want) in [("latest", now), (atNumber, expected), (atHash, expected)] {
            let r = try run(["storage", token, slot, "--block", block, "--json"])
            #expect(r.status == 0, "\(block): \(r.stderrText)")
            let json = try jsonOutput(r)
            #expect(json["value"] as? String == want, "\(block)")
            #expect((json["verification"] as? [String: Any])?["proved"] as? String == "account and storage proofs against stateRoot")
        }
        let zero = try run(["storage", token, "12345"])
        #expect(zero.stdoutText == "0x" + String(repeating: "0", count: 64) + "\n")
        let unverified = try run(["storage", token, slot, "--no-verify"])
        #expect(unverified.stdoutText == now + "\n" && unverified.stderrText.contains("NO: --no-verify"))
        #expect(try run(["storage", token, "0x" + String(repeating: "1", count: 66)]).status == 65)
    }

    @Test("rpc: a raw call's result, labelled unverified; --json is the raw result; node errors exit 6; peer text is escaped")
    func rawRPC() throws {
        try mineTransfers(1)
        let number = try #require(try node.rpc("eth_blockNumber", []) as? String)
        let r = try run(["rpc", "eth_blockNumber"])
        #expect(r.status == 0 && r.stdoutText == "\"\(number)\"\n", "\(r.stdoutText)")
        #expect(r.stderrText.contains("verified: NO: a raw JSON-RPC answer is never proved"))
        let block = try JSONSerialization.jsonObject(with: try run(["rpc", "eth_getBlockByNumber", number, "false", "--json"]).stdout) as? [String: Any]
        #expect(block?["number"] as? String == number)
        let failed = try run(["rpc", "eth_noSuchMethod"])
        #expect(failed.status == 6 && failed.stderrText.contains("-32601"), "\(failed.stderrText)")
        let ansi = try FaultPeer(upstream: node, .ansi)
        let hostile = try run(["rpc", "eth_noSuchMethod"], peers: [ansi.url])
        #expect(hostile.status == 6 && !hostile.stderrText.contains("\u{1B}"), "\(hostile.stderrText)")
    }

    @Test("beside a hung or garbling peer (--agree 1) every read gives the honest answer within a short grace, naming the bad peer")
    func hostilePeerBesideHonest() throws {
        let token = try #require(try node.rpc("devnode_deployToken", [18]) as? String)
        let hash = try #require(try web3([["op": "send", "key": 2, "to": keyOneAddress, "value": 1]]).first as? String)
        let reads = [["receipt", hash], ["tx", "show", hash], ["block-number"], ["block", "1"], ["code", token],
                     ["storage", token, keyOneAddress], ["rpc", "eth_chainId"]]
        for mode in [FaultPeer.Mode.hang, .garbage] {
            let bad = try FaultPeer(upstream: node, mode)
            for arguments in reads {
                let honest = try run(arguments)
                let start = Date()
                let r = try run(arguments + ["--agree", "1", "--timeout", "5"], peers: [bad.url, node.url])
                let seconds = Date().timeIntervalSince(start)
                #expect(r.status == 0, "\(mode) \(arguments): \(r.stderrText)")
                #expect(seconds < 2.5, "\(mode) \(arguments) took \(seconds) s")
                // The answer itself (the `verified` line counts the peers, 1/2 here).
                let answer = { (r: ProcessRunner.Result) in r.stdoutText.split(separator: "\n").filter { !$0.hasPrefix("verified") } }
                #expect(answer(r) == answer(honest), "\(mode) \(arguments)")
                if arguments[0] != "rpc" { #expect(r.stderrText.contains(bad.url), "\(mode) \(arguments): \(r.stderrText)") }
            }
        }
    }

    @Test("the --json output of receipt, block, block-number, code, storage, tx show and broadcast --wait matches docs/json.md")
    func jsonShapesMatchTheDocs() throws {
        let docs = try NetworkSchemaDocs.load()
        let token = try #require(try node.rpc("devnode_deployToken", [18]) as? String)
        let hash = try #require(try web3([["op": "send", "key": 1, "to": token, "value": 0, "gas": 100_000,
                                           "data": "0xa9059cbb" + String(repeating: "0", count: 24) + "2b5ad5c4795c026514f8317c7a215e218dccd6cf"
                                               + String(format: "%064x", 5)]]).first as? String)
        let signed = try #require(try web3([["op": "sign", "key": 3, "to": keyOneAddress, "value": 1]]).first as? [String: Any])
        let raw = try #require(signed["raw"] as? String)
        let rows: [(String, [String], Set<String>)] = [
            ("`receipt HASH`", ["receipt", hash], []),
            ("`receipt HASH`", ["receipt", hash, "--wait"], ["--wait"]),
            ("`tx show HASH`", ["tx", "show", hash], []),
            ("`block [BLOCK]`", ["block", "1"], []),
            ("`block [BLOCK]`", ["block", "1", "--field", "timestamp"], ["--field"]),
            ("`block-number`", ["block-number"], []),
            ("`code ADDRESS`", ["code", token], []),
            ("`storage ADDRESS SLOT`", ["storage", token, keyOneAddress], []),
            ("`broadcast RAW --wait`", ["broadcast", raw, "--wait"], []),
        ]
        for (row, arguments, flags) in rows {
            let r = try run(arguments + ["--json"])
            #expect(r.status == 0, "\(arguments): \(r.stderrText)")
            let problems = try docs.check(try JSONSerialization.jsonObject(with: r.stdout), row: row, flags: flags)
            #expect(problems.isEmpty, "\(row): \(problems)")
        }
    }
}
