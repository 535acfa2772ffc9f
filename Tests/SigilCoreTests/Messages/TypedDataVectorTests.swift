import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// EIP-712 conformance: the EIP's Mail example, eth-account and foundry cases, and the 130
/// ethers.js typed-data cases, read in place from the shared vectors.
@Suite(TestEnvironment.vectorsTrait)
struct TypedDataVectorTests {
    /// A vector file parsed with SigilCore's own JSON parser, so numbers keep their exact text.
    private func vectors(_ name: String) throws -> JSONValue {
        try JSONParser.parse(Array(try Vectors.data(name)))
    }

    private func key(_ json: JSONValue?) throws -> PrivateKey {
        var bytes = try Hex.decode(try #require(json?.stringValue))
        return try PrivateKey(secret: SecureBytes(consuming: &bytes))
    }

    @Test func mailExample() throws {
        let example = try #require(try vectors("eip712_vectors.json")["eip712_mail_example"])
        let expected = try #require(example["expected"])
        let typed = try TypedData(json: try #require(example["typedData"]))
        #expect(typed.encodeType("Mail") == expected["encodeType"]?.stringValue)
        #expect(typed.typeHash("Mail")?.hexString == expected["typeHash"]?.stringValue)
        #expect(typed.encodedMessage.hexString == expected["encodeData"]?.stringValue)
        #expect(typed.messageHash?.hexString == expected["hashStruct_message"]?.stringValue)
        #expect(typed.domainSeparator.hexString == expected["domainSeparator"]?.stringValue)
        #expect(typed.signingHash.hexString == expected["digest"]?.stringValue)
        let signer = try key(example["private_key"])
        #expect(signer.address.checksummed.lowercased() == expected["signer_address"]?.stringValue)
        let signature = try typed.sign(with: signer)
        #expect(signature.bytes.hexString == expected["signature"]?.stringValue)
        #expect(signature.r.hexString == expected["r"]?.stringValue)
        #expect(signature.s.hexString == expected["s"]?.stringValue)
        #expect(.integer(signature.bytes[64]) == expected["v"])
        #expect(try typed.recover(signature: signature) == signer.address)
        #expect(typed.verify(signature: signature, address: signer.address))
        #expect(!typed.verify(signature: signature, address: try Address(parsing: "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB")))
        #expect(typed.summary.map(\.path) == ["domain.name", "domain.version", "domain.chainId", "domain.verifyingContract",
                                              "message.from", "message.to", "message.contents"])
        #expect(typed.summary[2].display == "1")
        #expect(typed.summary[4].display == "Person {name: \"Cow\", wallet: 0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826}")
    }

    @Test func ethAccountCases() throws {
        let cases = try #require(try vectors("eip712_vectors.json")["eth_account_cases"]?.arrayValue)
        #expect(cases.count == 2)
        for item in cases {
            // eth-account's 3-argument form: types without EIP712Domain, primary type inferred (Mail).
            let document = JSONValue.object([
                ("types", try #require(item["types_without_EIP712Domain"])), ("primaryType", .string("Mail")),
                ("domain", try #require(item["domain"])), ("message", try #require(item["message"])),
            ])
            let typed = try TypedData(json: document)
            let signer = try key(item["private_key"])
            #expect(signer.address.checksummed == item["signer_address"]?.stringValue)
            #expect(try typed.sign(with: signer).bytes.hexString == item["expected_signature"]?.stringValue,
                    "\(item["id"]?.stringValue ?? "?")")
        }
    }

    @Test func foundryCases() throws {
        let cases = try #require(try vectors("eip712_vectors.json")["foundry_cast_cases"]?.arrayValue)
        #expect(cases.count == 2)
        for item in cases {
            let typed = try TypedData(json: try #require(item["typedData"]))
            let signer = try key(item["private_key"])
            #expect(signer.address.checksummed == item["signer_address"]?.stringValue)
            let signature = try typed.sign(with: signer)
            #expect(signature.bytes.hexString == item["expected_signature"]?.stringValue, "\(item["id"]?.stringValue ?? "?")")
            #expect(typed.verify(signature: try Signature(bytes: try Hex.decode(try #require(item["expected_signature"]?.stringValue))),
                                 address: signer.address))
        }
    }

    @Test func ethersTypedDataCases() throws {
        let tests = try #require(try vectors("eip712_ethers_typed_data.json")["tests"]?.arrayValue)
        #expect(tests.count == 130)
        var signed = 0
        for item in tests {
            let name = item["name"]?.stringValue ?? "?"
            let document = JSONValue.object([
                ("types", try #require(item["types"])), ("primaryType", try #require(item["primaryType"])),
                ("domain", try #require(item["domain"])), ("message", try #require(item["data"])),
            ])
            let typed: TypedData
            do {
                typed = try TypedData(json: document)
            } catch {
                Issue.record("\(name): \(error)")
                continue
            }
            #expect(typed.encodedMessage.hexString == item["encoded"]?.stringValue, "\(name)")
            #expect(typed.signingHash.hexString == item["digest"]?.stringValue, "\(name)")
            if let signature = item["signature"]?.stringValue {
                #expect(try typed.sign(with: try key(item["privateKey"])).bytes.hexString == signature, "\(name)")
                signed += 1
            }
        }
        #expect(signed == 1)
    }
}
