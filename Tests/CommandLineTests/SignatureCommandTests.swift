import Foundation
import SigilTestSupport
import Testing

/// sign / verify / recover / tx / abi commands with the built binary: outputs and exact exit codes.
@Suite struct SignatureCommandTests {
    let dir: TemporaryDirectory
    let keyFile: String

    init() throws {
        dir = try TemporaryDirectory()
        keyFile = try dir.file("key.hex", contents: keyOneHex).path
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile)
    }

    @Test func messageSignVerifyRecover() throws {
        let signed = try sigil("sign", "message", "hello", "--private-key-file", keyFile)
        #expect(signed.status == 0, "\(signed.stderrText)")
        let signature = signed.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(signature.count == 132)
        // Same key, same message, same RFC 6979 signature as eth-account (checked against the vectors in SigilCoreTests).
        let verified = try sigil("verify", "message", "hello", "--address", keyOneAddress, "--signature", signature)
        #expect(verified.status == 0)
        #expect(verified.stdoutText == "valid: signed by \(keyOneAddress) (ecrecover)\n")
        expectFailure(try sigil("verify", "message", "hello!", "--address", keyOneAddress, "--signature", signature),
                      status: 3, message: "was made by")
        let other = "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"
        expectFailure(try sigil("verify", "message", "hello", "--address", other, "--signature", signature),
                      status: 3, message: "not \(other)")
        #expect(try sigil("recover", "message", "hello", "--signature", signature).stdoutText == keyOneAddress + "\n")
        // hex and file forms of the same bytes give the same signature
        #expect(try sigil("sign", "message", "--hex", "0x68656c6c6f", "--private-key-file", keyFile).stdoutText == signature + "\n")
        let file = try dir.file("msg", contents: "hello")
        #expect(try sigil("sign", "message", "--file", file.path, "--private-key-file", keyFile).stdoutText == signature + "\n")
    }

    @Test func malformedSignaturesAndAddresses() throws {
        expectFailure(try sigil("verify", "message", "hi", "--address", keyOneAddress, "--signature", "0x1234"), status: 65,
                      message: "65")
        expectFailure(try sigil("verify", "message", "hi", "--address", "0x7e5F4552091A69125d5DfCb7b8C2659029395Bdf",
                                "--signature", "0x" + String(repeating: "11", count: 65)), status: 65, message: "checksum")
        let badV = "0x" + String(repeating: "11", count: 64) + "1d"
        expectFailure(try sigil("recover", "message", "hi", "--signature", badV), status: 65, message: "29")
        expectFailure(try sigil("verify", "message", "--address", keyOneAddress, "--signature", badV), status: 64, message: "message")
    }

    @Test(TestEnvironment.vectorsTrait) func typedDataMailExample() throws {
        let vectors = try #require(try Vectors.json("eip712_vectors.json") as? [String: Any])
        let mail = try #require(vectors["eip712_mail_example"] as? [String: Any])
        let document = try JSONSerialization.data(withJSONObject: try #require(mail["typedData"]))
        let file = dir.url.appendingPathComponent("mail.json")
        try document.write(to: file)
        let keyPath = try dir.file("cow.hex", contents: try #require(mail["private_key"] as? String)).path
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyPath)
        let expected = try #require(mail["expected"] as? [String: Any])
        let signed = try sigil("sign", "typed-data", file.path, "--private-key-file", keyPath, "--json")
        #expect(signed.status == 0, "\(signed.stderrText)")
        let object = try jsonOutput(signed)
        #expect(object["digest"] as? String == expected["digest"] as? String)
        #expect((object["signature"] as? String)?.lowercased() == (expected["signature"] as? String)?.lowercased())
        let signature = try #require(object["signature"] as? String)
        let signer = try #require(expected["signer_address"] as? String)
        #expect(try sigil("verify", "typed-data", file.path, "--address", signer, "--signature", signature).status == 0)
        #expect(try sigil("recover", "typed-data", file.path, "--signature", signature).stdoutText.lowercased() == signer.lowercased() + "\n")
        expectFailure(try sigil("verify", "typed-data", file.path, "--address", keyOneAddress, "--signature", signature),
                      status: 3, message: "was made by")
        // A malformed document names the path of the problem.
        let broken = try dir.file("broken.json", contents: String(decoding: document, as: UTF8.self).replacingOccurrences(of: "\"type\":\"Person\"", with: "\"type\":\"Persn\""))
        expectFailure(try sigil("recover", "typed-data", broken.path, "--signature", signature), status: 65, message: "Persn")
    }

    @Test(TestEnvironment.vectorsTrait) func transactionDecodeVerifyRecover() throws {
        let example = try #require(try Vectors.json("eip155_example.json") as? [String: Any])
        let raw = try #require(example["signed_tx"] as? String)
        let sender = "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"
        let decoded = try jsonOutput(try sigil("tx", "decode", raw, "--json"))
        #expect(decoded["from"] as? String == sender)
        #expect(decoded["value"] as? String == "1000000000000000000")
        #expect(decoded["chainId"] as? String == "1")
        #expect(decoded["canonicalSignature"] as? Bool == true)
        let human = try sigil("tx", "decode", raw)
        #expect(human.stdoutText.contains("value               1 ether"))
        #expect(human.stdoutText.contains("gasPrice            20 gwei"))
        #expect(try sigil("tx", "hash", raw).stdoutText == "0x33469b22e9f636356c4160a87eb19df52b7412e8eac32a4a55ffe88ea8350788\n")
        #expect(try sigil("verify", "tx", raw, "--from", sender).status == 0)
        expectFailure(try sigil("verify", "tx", raw, "--from", keyOneAddress), status: 3, message: "was made by")
        #expect(try sigil("recover", "tx", "-", stdin: raw + "\n").stdoutText == sender + "\n")
        // A truncated transaction is malformed input, named as such.
        expectFailure(try sigil("tx", "decode", String(raw.dropLast(4))), status: 65, message: "input ends early")
        // Batch: one line per transaction.
        let batch = try dir.file("raws.txt", contents: raw + "\n" + raw + "\n")
        let lines = try sigil("tx", "decode", "--batch", batch.path).stdoutText.split(separator: "\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.hasSuffix(sender) })
    }

    @Test func abiCommands() throws {
        #expect(try sigil("abi", "selector", "transfer(address to, uint256 amount)").stdoutText == "0xa9059cbb\n")
        #expect(try sigil("abi", "selector", "0xa9059cbb").stdoutText.hasPrefix("transfer(address,uint256)"))
        let calldata = try sigil("abi", "encode", "--calldata", "transfer(address,uint256)", keyOneAddress, "1ether")
        #expect(calldata.stdoutText == "0xa9059cbb0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf0000000000000000000000000000000000000000000000000de0b6b3a7640000\n")
        let data = calldata.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        let decoded = try sigil("abi", "decode", "transfer(address to,uint256 amount)", data)
        #expect(decoded.stdoutText == "to (address)      \(keyOneAddress)\namount (uint256)  1000000000000000000\n")
        expectFailure(try sigil("abi", "encode", "transfer(address,uint257)", keyOneAddress, "1"), status: 65, message: "uint257")
        expectFailure(try sigil("abi", "encode", "f(uint8)", "256"), status: 65, message: "uint8")
    }

    @Test func rawDigestNeedsExplicitFlag() throws {
        let digest = "0x" + String(repeating: "ab", count: 32)
        expectFailure(try sigil("sign", "hash", digest, "--private-key-file", keyFile), status: 64, message: "--raw-digest")
        let r = try sigil("sign", "hash", digest, "--raw-digest", "--private-key-file", keyFile)
        #expect(r.status == 0)
        #expect(r.stderrText.contains("warning: signing a raw digest"))
    }

    /// cast's `wallet sign-auth` vector: key 1, chain 1, nonce 100, delegate = key 1's address.
    @Test(TestEnvironment.vectorsTrait) func authorizationMatchesCast() throws {
        let vectors = try #require(try Vectors.json("eip7702_and_cast_mktx.json") as? [String: Any])
        let case0 = try #require((vectors["sign_authorization"] as? [[String: Any]])?.first)
        let expected = try #require(case0["expected_signed_authorization_rlp"] as? String)
        let r = try sigil("sign", "authorization", keyOneAddress, "--chain-id", "1", "--nonce", "100",
                          "--private-key-file", keyFile, "--json")
        #expect(r.status == 0, "\(r.stderrText)")
        let object = try jsonOutput(r)
        #expect(object["rlp"] as? String == expected)
        #expect(object["chainId"] as? String == "0x1")
        expectFailure(try sigil("sign", "authorization", keyOneAddress, "--chain-id", "0", "--nonce", "1",
                                "--private-key-file", keyFile), status: 64, message: "--any-chain")
    }
}
