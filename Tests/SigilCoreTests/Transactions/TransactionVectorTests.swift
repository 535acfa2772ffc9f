import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Known-answer vectors: eth-account, ethers.js, EIP-155 and foundry `cast`.
@Suite("Transaction vectors")
struct TransactionVectorTests {
    typealias S = TxTestSupport

    @Test("eth-account typed_transactions: fields + signature → raw bytes and hash", TestEnvironment.vectorsTrait)
    func ethAccountTyped() throws {
        let root = try #require(try Vectors.json("tx_eth_account_vectors.json") as? [String: Any])
        let cases = try #require(root["typed_transactions"] as? [[String: Any]])
        #expect(cases.count == 15)
        for testCase in cases {
            let id = testCase["id"] as? String ?? "?"
            let tx = try #require(testCase["transaction"] as? [String: Any])
            let payload = try S.payload(tx)
            let signature = try Signature(r: S.scalar(tx["r"]), s: S.scalar(tx["s"]), yParity: UInt8(S.uint64(tx["v"] ?? tx["yParity"])))
            let raw = payload.encodedSigned(signature)
            #expect(S.hex(raw) == testCase["expected_raw_transaction"] as? String, "\(id)")
            // Despite the file's _meta ("keccak256(raw tx)"), eth-account's test compares
            // `TypedTransaction.hash()`, which is the SIGNING hash (checked with eth-account 0.14).
            #expect(S.hex(payload.signingHash()) == testCase["expected_hash"] as? String, "\(id)")
            let decoded = try SignedTransaction.decode(raw)
            #expect(decoded.rawBytes == raw && decoded.type == payload.type, "\(id)")
            #expect(S.hex(decoded.payload.signingHash()) == testCase["expected_hash"] as? String, "\(id)")
            #expect(decoded.hash == Keccak256.hash(raw), "\(id)")
            _ = try decoded.recoverSender()
            if let setCode = decoded.payload as? SetCodeTransaction {
                for auth in setCode.authorizationList { _ = try auth.recoverAuthority() }
            }
        }
    }

    @Test("eth-account sign_transaction, txtest and recover examples", TestEnvironment.vectorsTrait)
    func ethAccountSigning() throws {
        let root = try #require(try Vectors.json("tx_eth_account_vectors.json") as? [String: Any])
        let signCases = try #require(root["sign_transaction"] as? [[String: Any]])
        #expect(signCases.count == 3)
        for testCase in signCases {
            let id = testCase["id"] as? String ?? "?"
            let key = try S.key(testCase["private_key"])
            let signed = try key.sign(S.payload(try #require(testCase["transaction"] as? [String: Any])))
            #expect(S.hex(signed.rawBytes) == testCase["expected_raw_transaction"] as? String, "\(id)")
            #expect(S.hex(signed.hash) == testCase["expected_hash"] as? String, "\(id)")
            #expect(signed.v == (try S.u256(testCase["expected_v"])), "\(id)")
            #expect(signed.signature.r == (try S.scalar(testCase["expected_r"])), "\(id)")
            #expect(signed.signature.s == (try S.scalar(testCase["expected_s"])), "\(id)")
            #expect(try SignedTransaction.decode(signed.rawBytes).recoverSender() == key.address, "\(id)")
        }
        let txtests = try #require(root["eth_tests_txtest"] as? [[String: Any]])
        #expect(txtests.count == 7)
        var highS = 0
        for (index, testCase) in txtests.enumerated() {
            let key = try S.key(testCase["key"])
            let payload = try S.payload(testCase)
            if let unsigned = testCase["unsigned"] {
                // BasicTests' "unsigned" is the transaction with empty v, r, s: the six signed
                // fields followed by three empty strings.
                let fields = try RLP.decode(payload.signingPayload()).list()
                #expect(fields.count == 6)
                #expect(RLP.encode(.list(fields + [.bytes([]), .bytes([]), .bytes([])])) == (try S.bytes(unsigned)), "txtest \(index)")
            }
            let signed = try key.sign(payload)
            let expected = try SignedTransaction.decode(S.bytes(testCase["signed"]))
            if expected.isCanonicalSignature {
                #expect(signed.rawBytes == expected.rawBytes, "txtest \(index)")
            } else {
                // A pre-Homestead vector signed with a high s: it must be the mirror (r, n - s,
                // flipped parity) of Sigil's low-s signature, and recovery must refuse it.
                #expect(expected.signature.r == signed.signature.r, "txtest \(index)")
                #expect(try U256(bigEndian: expected.signature.s) + U256(bigEndian: signed.signature.s) == S.secp256k1Order)
                #expect(expected.signature.yParity != signed.signature.yParity, "txtest \(index)")
                #expect(expected.payload.signingHash() == payload.signingHash(), "txtest \(index)")
                #expect(throws: TransactionDecodingError(field: "s", .highS)) { try expected.recoverSender() }
                highS += 1
            }
            #expect(try SignedTransaction.decode(signed.rawBytes).recoverSender() == key.address, "txtest \(index)")
        }
        #expect(highS == 1)
        let recover = try #require(root["recover_transaction_example"] as? [String: Any])
        let decoded = try SignedTransaction.decode(S.bytes(recover["raw_transaction"]))
        #expect(try decoded.recoverSender().checksummed == recover["expected_sender"] as? String)
    }

    @Test("ethers.js: unsigned, signed and signature for every form of 176 transactions", TestEnvironment.vectorsTrait)
    func ethers() throws {
        let root = try #require(try Vectors.json("tx_ethers_transactions_subset.json") as? [String: Any])
        let cases = try #require(root["tests"] as? [[String: Any]])
        #expect(cases.count == 176)
        var checked = 0
        let forms: [(String, TransactionType, Bool)] = [
            ("Legacy", .legacy, false), ("Eip155", .legacy, true), ("Berlin", .accessList, true),
            ("London", .dynamicFee, true), ("Cancun", .blob, true),
        ]
        for testCase in cases {
            let name = testCase["name"] as? String ?? "?"
            var tx = try #require(testCase["transaction"] as? [String: Any])
            let key = try S.key(testCase["privateKey"])
            for (form, type, withChain) in forms {
                // ethers leaves a form empty when it does not apply (e.g. EIP-155 with chainId 0).
                guard let signedHex = testCase["signed\(form)"] as? String, !signedHex.isEmpty else { continue }
                if !withChain { tx["chainId"] = nil } else { tx["chainId"] = (testCase["transaction"] as? [String: Any])?["chainId"] }
                let payload = try S.payload(tx, type: type)
                #expect(payload.signingPayload() == (try S.bytes(testCase["unsigned\(form)"])), "\(name) \(form) unsigned")
                let signed = try key.sign(payload)
                #expect(signed.rawBytes == (try S.bytes(signedHex)), "\(name) \(form) signed")
                let sig = try #require(testCase["signature\(form)"] as? [String: Any])
                #expect(signed.signature.r == (try S.scalar(sig["r"])), "\(name) \(form) r")
                #expect(signed.signature.s == (try S.scalar(sig["s"])), "\(name) \(form) s")
                #expect(signed.v == (try S.u256(sig["v"])), "\(name) \(form) v")
                let decoded = try SignedTransaction.decode(S.bytes(signedHex))
                #expect(decoded.rawBytes == signed.rawBytes, "\(name) \(form) decode")
                #expect(try decoded.recoverSender() == key.address, "\(name) \(form) sender")
                checked += 1
            }
        }
        #expect(checked >= 176 * 4)
        print("ethers transaction forms checked: \(checked)")
    }

    @Test("EIP-155 worked example", TestEnvironment.vectorsTrait)
    func eip155() throws {
        let root = try #require(try Vectors.json("eip155_example.json") as? [String: Any])
        var fields = try #require(root["transaction"] as? [String: Any])
        fields["chainId"] = root["chain_id"]
        let payload = try S.payload(fields, type: .legacy)
        #expect(payload.signingPayload() == (try S.bytes(root["signing_data"])))
        #expect(payload.signingHash() == (try S.bytes(root["signing_hash"])))
        let signed = try S.key(root["private_key"]).sign(payload)
        #expect(signed.v == (try S.u256(root["v"])))
        #expect(signed.signature.r == (try S.scalar(root["r"])))
        #expect(signed.signature.s == (try S.scalar(root["s"])))
        #expect(signed.rawBytes == (try S.bytes(root["signed_tx"])))
        let decoded = try SignedTransaction.decode(signed.rawBytes)
        #expect(decoded.payload.chainId == 1)
    }

    @Test("EIP-7702 authorization and cast mktx", TestEnvironment.vectorsTrait)
    func castVectors() throws {
        let root = try #require(try Vectors.json("eip7702_and_cast_mktx.json") as? [String: Any])
        for testCase in try #require(root["sign_authorization"] as? [[String: Any]]) {
            let key = try S.key(testCase["private_key"])
            let fields = try #require(testCase["authorization"] as? [String: Any])
            let authorization = Authorization(chainId: try S.u256(fields["chainId"]), address: try S.address(fields["address"])!,
                                              nonce: try S.uint64(fields["nonce"]))
            let signed = try key.sign(authorization)
            #expect(RLP.encode(signed.rlpItem) == (try S.bytes(testCase["expected_signed_authorization_rlp"])))
            #expect(try signed.recoverAuthority().checksummed == testCase["authority_address"] as? String)
        }
        let mktx = try #require(root["mktx"] as? [[String: Any]])
        #expect(mktx.count == 2)
        for testCase in mktx {
            let payload = try S.payload(try #require(testCase["args"] as? [String: Any]))
            if let expected = testCase["expected_unsigned_raw_transaction"] {
                #expect(payload.signingPayload() == (try S.bytes(expected)))
            }
            if let expected = testCase["expected_raw_transaction"] {
                let signed = try S.key(testCase["private_key"]).sign(payload)
                #expect(signed.rawBytes == (try S.bytes(expected)))
                let same = try #require(testCase["same_from_signature_test"] as? [String: Any])
                let signature = try Signature(bytes: S.bytes(same["signature_rsv"]))
                #expect(payload.encodedSigned(signature) == (try S.bytes(expected)))
                #expect(try SignedTransaction.decode(signed.rawBytes).recoverSender().checksummed == testCase["from"] as? String)
            }
        }
    }
}
