import Foundation
import SigilTestSupport
import Testing

/// `tx decode` (TransactionPresenter) with the built binary: transactions of types 1 to 4 that
/// `sign tx` made from requests with known fields, each field checked in JSON and in the human
/// form; the blob network form; authorization tuples; high-s and unrecoverable signatures.
@Suite struct TxDecodeCommandTests {
    let dir: TemporaryDirectory
    let keyFile: String
    static let keyTwoAddress = "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"
    static let recipient = "0x3535353535353535353535353535353535353535"
    static let token = "0x6B175474E89094C44Da98b954EedeAC495271d0F"
    /// transfer(key one, 1.5 ether): ERC-20 `transfer`, a selector in Sigil's table.
    static let transferCall = "0xa9059cbb0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf00000000000000000000000000000000000000000000000014d1120d7b160000"
    static let storageKey = "0x" + String(repeating: "0", count: 62) + "2a"
    static let blobHashes = ["0x01" + String(repeating: "07", count: 31), "0x01" + String(repeating: "08", count: 31)]

    init() throws {
        dir = try TemporaryDirectory()
        keyFile = try devKeyFile(1, in: dir)
    }

    /// Signs a request (common fields + `extra`) with key one; returns the raw hex.
    func sign(_ name: String, _ extra: String) throws -> String {
        let file = try dir.file(name, contents: """
            {"format": "sigil.unsigned-tx/1", "chainId": "0x5", "nonce": "0x9", "from": "\(keyOneAddress)", "gas": "0xc350", \(extra)}
            """)
        let r = try sigil("sign", "tx", file.path, "--private-key-file", keyFile)
        try #require(r.status == 0, "\(name): \(r.stderrText)")
        return r.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func decode(_ raw: String) throws -> [String: Any] {
        let r = try sigil("tx", "decode", raw, "--json")
        try #require(r.status == 0, "\(r.stderrText)")
        return try jsonOutput(r)
    }

    /// The fields shared by every case: hash (from `tx hash`), the sender, nonce, gas, chain.
    func expectCommon(_ object: [String: Any], raw: String, type: Int, to: String?, value: String) throws {
        #expect(object["type"] as? Int == type)
        #expect(object["hash"] as? String == (try sigil("tx", "hash", raw).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(object["from"] as? String == keyOneAddress)
        #expect(object["chainId"] as? String == "5")
        #expect(object["nonce"] as? String == "9")
        #expect(object["gasLimit"] as? String == "50000")
        #expect((object["to"] as? String) == to && (to != nil || object["to"] is NSNull))
        #expect(object["value"] as? String == value)
        #expect(object["v"] as? String == "0" || object["v"] as? String == "1")
        #expect((object["r"] as? String)?.count == 66 && (object["s"] as? String)?.count == 66)
        #expect(object["canonicalSignature"] as? Bool == true)
    }

    /// The value of the human line labelled `label` (labels are padded to a common width).
    func row(_ label: String, in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix(label + " ") {
            return line.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    func expectTransferCall(_ object: [String: Any]) {
        let call = object["call"] as? [String: Any]
        #expect(call?["function"] as? String == "transfer(address,uint256)")
        #expect(call?["arguments"] as? [String: String] == ["to": keyOneAddress, "value": "1500000000000000000"],
                "\(String(describing: call))")
    }

    @Test func accessListTransaction() throws {
        let raw = try sign("t1.json", """
            "type": "0x1", "to": "\(Self.recipient)", "value": "1500000000000000000", "data": "0x", "gasPrice": "2500000000", \
            "accessList": [{"address": "\(Self.token)", "storageKeys": ["\(Self.storageKey)"]}]
            """)
        let object = try decode(raw)
        try expectCommon(object, raw: raw, type: 1, to: Self.recipient, value: "1500000000000000000")
        #expect(object["gasPrice"] as? String == "2500000000")
        #expect(object["data"] as? String == "0x")
        #expect(object["call"] == nil && object["maxFeePerGas"] == nil && object["blobs"] == nil)
        let list = object["accessList"] as? [[String: Any]]
        #expect(list?.count == 1 && list?[0]["address"] as? String == Self.token)
        #expect(list?[0]["storageKeys"] as? [String] == [Self.storageKey])
        let human = try sigil("tx", "decode", raw).stdoutText
        for (label, value) in [("type", "1 (EIP-2930 access list)"), ("value", "1.5 ether"), ("gasPrice", "2.5 gwei"),
                               ("accessList", "\(Self.token) (1 keys)"), ("from", keyOneAddress),
                               ("canonicalSignature", "yes (low s)"), ("chainId", "5"), ("nonce", "9"), ("to", Self.recipient)] {
            #expect(row(label, in: human) == value, "\(label) in\n\(human)")
        }
    }

    @Test func dynamicFeeTransactionWithAnERC20Transfer() throws {
        let raw = try sign("t2.json", """
            "type": "0x2", "to": "\(Self.token)", "value": "0", "data": "\(Self.transferCall)", \
            "maxFeePerGas": "30000000000", "maxPriorityFeePerGas": "1500000000", "accessList": []
            """)
        let object = try decode(raw)
        try expectCommon(object, raw: raw, type: 2, to: Self.token, value: "0")
        #expect(object["maxFeePerGas"] as? String == "30000000000")
        #expect(object["maxPriorityFeePerGas"] as? String == "1500000000")
        #expect(object["gasPrice"] == nil && object["accessList"] == nil)
        #expect(object["data"] as? String == Self.transferCall)
        expectTransferCall(object)
        let human = try sigil("tx", "decode", raw).stdoutText
        for (label, value) in [("maxFeePerGas", "30 gwei"), ("maxPriorityFeePerGas", "1.5 gwei"), ("value", "0 ether"),
                               ("call", "ERC-20 transfer(to=\(keyOneAddress), value=1500000000000000000)")] {
            #expect(row(label, in: human) == value, "\(label) in\n\(human)")
        }
    }

    @Test func blobTransactionAndItsNetworkForm() throws {
        let raw = try sign("t3.json", """
            "type": "0x3", "to": "\(Self.recipient)", "value": "1000000000000000", "data": "0x", \
            "maxFeePerGas": "20000000000", "maxPriorityFeePerGas": "1000000000", "maxFeePerBlobGas": "3000000000", \
            "blobVersionedHashes": ["\(Self.blobHashes[0])", "\(Self.blobHashes[1])"], \
            "accessList": [{"address": "\(Self.token)", "storageKeys": []}]
            """)
        let object = try decode(raw)
        try expectCommon(object, raw: raw, type: 3, to: Self.recipient, value: "1000000000000000")
        #expect(object["maxFeePerGas"] as? String == "20000000000")
        #expect(object["maxPriorityFeePerGas"] as? String == "1000000000")
        #expect(object["maxFeePerBlobGas"] as? String == "3000000000")
        #expect(object["blobVersionedHashes"] as? [String] == Self.blobHashes)
        #expect((object["accessList"] as? [[String: Any]])?.first?["storageKeys"] as? [String] == [])
        #expect(object["blobs"] == nil, "no blobs in the plain form")

        // The network form: [body, blobs, commitments, proofs] (EIP-4844), read from a file.
        let (_, body) = try RawBytes.typedFields(raw)
        let blob = RawBytes.Item.bytes([UInt8](repeating: 0, count: 131_072))
        let kzg = RawBytes.Item.bytes([UInt8](repeating: 0xc0, count: 48))
        let network = RawBytes.hex([3] + RawBytes.encode(.list([.list(body), .list([blob, blob]), .list([kzg, kzg]), .list([kzg, kzg])])))
        let file = try dir.file("network.hex", contents: network + "\n")
        let wrapped = try jsonOutput(try sigil("tx", "decode", file.path, "--json"))
        #expect(wrapped["blobs"] as? Int == 2)
        #expect(wrapped["hash"] as? String == object["hash"] as? String, "the hash is of the transaction without its blobs")
        #expect(wrapped["from"] as? String == keyOneAddress)
        #expect(wrapped["blobVersionedHashes"] as? [String] == Self.blobHashes)
        let human = try sigil("tx", "decode", file.path).stdoutText
        #expect(row("blobs", in: human) == "2 blobs in the network form", "\(human)")
        #expect(row("maxFeePerBlobGas", in: human) == "3 gwei")
    }

    @Test func setCodeTransactionShowsEachAuthorization() throws {
        let keyTwo = try devKeyFile(2, in: dir)
        let signedAuth = try sigil("sign", "authorization", Self.token, "--chain-id", "5", "--nonce", "3",
                                   "--private-key-file", keyTwo, "--json")
        try #require(signedAuth.status == 0, "\(signedAuth.stderrText)")
        let auth = try jsonOutput(signedAuth)
        let (yParity, r, s) = (try #require(auth["yParity"] as? String), try #require(auth["r"] as? String), try #require(auth["s"] as? String))
        // A second tuple whose signature recovers nobody: r = 5 is no curve point's x.
        let raw = try sign("t4.json", """
            "type": "0x4", "to": "\(Self.token)", "value": "0", "data": "\(Self.transferCall)", \
            "maxFeePerGas": "30000000000", "maxPriorityFeePerGas": "1500000000", "accessList": [], "authorizationList": [
              {"chainId": "0x5", "address": "\(Self.token)", "nonce": "0x3", "yParity": "\(yParity)", "r": "\(r)", "s": "\(s)"},
              {"chainId": "0x0", "address": "\(Self.recipient)", "nonce": "0x0", "yParity": "0x1", "r": "0x5", "s": "0x1"}]
            """)
        let object = try decode(raw)
        try expectCommon(object, raw: raw, type: 4, to: Self.token, value: "0")
        #expect(object["maxFeePerGas"] as? String == "30000000000")
        expectTransferCall(object)
        let list = try #require(object["authorizationList"] as? [[String: Any]])
        try #require(list.count == 2)
        func word(_ quantity: String) -> String { "0x" + String(repeating: "0", count: 66 - quantity.count) + quantity.dropFirst(2) }
        #expect(list[0]["chainId"] as? String == "5" && list[0]["nonce"] as? String == "3")
        #expect(list[0]["address"] as? String == Self.token)
        #expect(list[0]["yParity"] as? Int == (yParity == "0x1" ? 1 : 0))
        #expect(list[0]["r"] as? String == word(r) && list[0]["s"] as? String == word(s))
        #expect(list[0]["authority"] as? String == Self.keyTwoAddress)
        #expect(list[1]["chainId"] as? String == "0" && list[1]["address"] as? String == Self.recipient)
        #expect(list[1]["yParity"] as? Int == 1 && list[1]["r"] as? String == word("0x5") && list[1]["s"] as? String == word("0x1"))
        #expect(list[1]["authority"] is NSNull)
        let human = try sigil("tx", "decode", raw).stdoutText
        #expect(human.contains("chain 5 delegate \(Self.token) nonce 3 by \(Self.keyTwoAddress) (yParity \(yParity == "0x1" ? 1 : 0), r \(word(r)), s \(word(s)))"),
                "\(human)")
        #expect(human.contains("chain 0 delegate \(Self.recipient) nonce 0 by nobody (invalid signature"), "\(human)")
    }

    @Test func highSAndUnrecoverableSignatures() throws {
        let raw = try sign("hs.json", """
            "type": "0x2", "to": "\(Self.recipient)", "value": "1", "data": "0x", \
            "maxFeePerGas": "30000000000", "maxPriorityFeePerGas": "1500000000", "accessList": []
            """)
        let highS = try RawBytes.highS(raw)
        let object = try decode(highS)
        // The math still recovers the signer; the signature is shown as non-canonical.
        #expect(object["from"] as? String == keyOneAddress)
        #expect(object["canonicalSignature"] as? Bool == false)
        #expect(object["s"] as? String == RawBytes.hex(RawBytes.negate(try RawBytes.bytes(try #require(try decode(raw)["s"] as? String)))))
        let human = try sigil("tx", "decode", highS).stdoutText
        #expect(row("from", in: human)?.hasPrefix("\(keyOneAddress) (from a high-s signature") == true, "\(human)")
        #expect(row("canonicalSignature", in: human)?.hasPrefix("NO: high s") == true)
        // verify and recover refuse it: Ethereum does not accept it.
        expectFailure(try sigil("verify", "tx", highS, "--from", keyOneAddress), status: 3, message: "above n/2")
        expectFailure(try sigil("recover", "tx", highS), status: 3, message: "above n/2")

        let unrecoverable = try RawBytes.unrecoverable(raw)
        let broken = try decode(unrecoverable)
        #expect(broken["from"] is NSNull)
        #expect(broken["canonicalSignature"] as? Bool == true)
        #expect(row("from", in: try sigil("tx", "decode", unrecoverable).stdoutText)?.hasPrefix("unrecoverable: ") == true)
        expectFailure(try sigil("recover", "tx", unrecoverable), status: 3, message: "no sender can be recovered")
        expectFailure(try sigil("verify", "tx", unrecoverable, "--from", keyOneAddress), status: 3, message: "no sender can be recovered")
    }
}
