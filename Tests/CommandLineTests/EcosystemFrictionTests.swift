import Foundation
import SigilTestSupport
import Testing

/// Issue 15's friction cases, offline: each as a user from eth-account, web3.py, ethers or cast
/// met it, with the command, its output and its exit code.
@Suite struct EcosystemFrictionTests {
    let dir: TemporaryDirectory
    let keyFile: String
    let secrets = Secrets(privateKeys: [keyOneHex], passwords: ["friction-password"])
    let environment: [String: String]

    init() throws {
        dir = try TemporaryDirectory()
        keyFile = try dir.file("key.hex", contents: keyOneHex).path
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile)
        environment = ["SIGIL_HOME": dir.url.path + "/home", "SIGIL_PASSWORD": "friction-password"]
    }

    func write(_ name: String, _ text: String) throws -> String { try dir.file(name, contents: text).path }

    func run(_ arguments: [String], stdin: String = "") throws -> ProcessRunner.Result {
        try sigil(arguments, stdin: stdin, environment: environment, secrets: secrets)
    }

    func runSigner(_ arguments: [String], stdin: String = "") throws -> ProcessRunner.Result {
        let result = try CLI.run("sigil-signer", arguments, stdin: stdin, environment: environment)
        expectNoLeak(result, of: secrets.adding(environment: environment), revealsSecrets: false, arguments: arguments)
        return result
    }

    /// Imports key one into the sandbox keystore as "one" (a light scrypt, SIGIL_PASSWORD).
    func importKeyOne() throws {
        let r = try run(["key", "import", "--private-key-file", keyFile, "--light", "--name", "one"])
        #expect(r.status == 0, "\(r.stderrText)")
    }

    /// The same type-2 transaction from key one in the three JSON shapes.
    static let ethAccountDict = """
        {"nonce": 7, "gas": 21000, "to": "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF", "value": 1000000000000000000,
         "maxFeePerGas": 30000000000, "maxPriorityFeePerGas": 1000000000, "chainId": 1, "type": 2, "data": "0x",
         "from": "\(keyOneAddress)"}
        """
    static let rpcObject = """
        {"from": "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf", "to": "0x2b5ad5c4795c026514f8317c7a215e218dccd6cf",
         "type": "0x2", "chainId": "0x1", "nonce": "0x7", "value": "0xde0b6b3a7640000", "input": "0x",
         "gasLimit": "0x5208", "maxFeePerGas": "0x6fc23ac00", "maxPriorityFeePerGas": "0x3b9aca00"}
        """
    static let sigilFile = """
        {"format": "sigil.unsigned-tx/1", "type": "0x2", "chainId": "0x1", "nonce": "0x7", "from": "\(keyOneAddress)",
         "to": "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF", "value": "0xde0b6b3a7640000", "data": "0x", "gas": "0x5208",
         "maxFeePerGas": "0x6fc23ac00", "maxPriorityFeePerGas": "0x3b9aca00", "accessList": []}
        """

    /// Requests written by eth-account/web3.py (JSON numbers, a numeric type, no accessList, no
    /// format) and by JSON-RPC (input, gasLimit) were refused ("field 'type' is a JSON number",
    /// "missing field 'format'", "unknown field 'gasLimit'"); they now sign, to the same bytes
    /// as Sigil's own file.
    @Test func otherToolsRequestsSign() throws {
        let reference = try run(["sign", "tx", try write("sigil.json", Self.sigilFile), "--private-key-file", keyFile])
        #expect(reference.status == 0, "\(reference.stderrText)")
        #expect(reference.stdoutText.hasPrefix("0x02f8"))
        for (name, text) in [("web3.json", Self.ethAccountDict), ("rpc.json", Self.rpcObject)] {
            let signed = try run(["sign", "tx", try write(name, text), "--private-key-file", keyFile])
            #expect(signed.status == 0 && signed.stderrText.isEmpty, "\(name): \(signed.stderrText)")
            #expect(signed.stdoutText == reference.stdoutText, "\(name)")
        }
        // Unknown fields are still refused, naming the field.
        expectFailure(try run(["sign", "tx", try write("summary.json", Self.rpcObject.replacingOccurrences(of: "}", with: ", \"summary\": \"1 ETH\"}")),
                               "--private-key-file", keyFile]), status: 65, message: "unknown field 'summary' in the request")
        // The help (and so the man page) lists the shapes and the fields.
        for (tool, arguments) in [("sigil", ["sign", "tx", "--help"]), ("sigil", ["tx", "build", "--help"]), ("sigil-signer", ["sign", "--help"])] {
            let help = try CLI.run(tool, arguments).stdoutText
            for word in ["sigil.unsigned-tx/1", "JSON-RPC", "eth-account", "gasLimit", "authorizationList", "raw-unsigned"] {
                #expect(help.contains(word), "\(tool) \(arguments): \(word)")
            }
        }
    }

    /// JSON integers: exact at any size; a fraction, an exponent or a sign is refused naming the field.
    @Test func jsonIntegerEdgeCases() throws {
        func request(value: String) -> String {
            Self.ethAccountDict.replacingOccurrences(of: "\"value\": 1000000000000000000", with: "\"value\": \(value)")
        }
        let exact = try run(["tx", "decode", try write("exact.json", request(value: "9007199254740993")), "--json"])
        #expect(exact.status == 0, "\(exact.stderrText)")
        #expect(exact.stdoutText.contains("\"value\": \"0x20000000000001\""), "2^53 + 1 read exactly: \(exact.stdoutText)")
        let max = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
        #expect(try run(["tx", "decode", try write("max.json", request(value: max)), "--json"]).stdoutText
                    .contains("\"value\": \"0x" + String(repeating: "f", count: 64) + "\""))
        let refused: [(String, String)] = [
            ("115792089237316195423570985008687907853269984665640564039457584007913129639936", "field 'value' is larger than 2^256-1"),
            ("1.0", "field 'value' is not a whole number ('1.0')"),
            ("1e3", "field 'value' is not a whole number ('1e3')"),
            ("-1", "field 'value' is negative ('-1')"),
        ]
        for (value, message) in refused {
            let file = try write("bad.json", request(value: value))
            expectFailure(try run(["sign", "tx", file, "--private-key-file", keyFile]), status: 65, message: message)
            expectFailure(try run(["tx", "decode", file]), status: 65, message: message)
        }
    }

    /// `sigil-signer sign req.json` without --from said "no key given" although the request's
    /// "from" is a keystore account: it now signs with that account; --from must agree (3);
    /// no "from" and no --from stays a usage error (64). `sigil sign tx` does the same.
    @Test func signerPicksTheKeyFromTheRequest() throws {
        try importKeyOne()
        let policy = try write("policy.json", "{}")
        let request = try write("request.json", Self.ethAccountDict)
        let expected = try run(["sign", "tx", request, "--private-key-file", keyFile]).stdoutText
        let signed = try runSigner(["sign", request, "--policy", policy])
        #expect(signed.status == 0, "\(signed.stderrText)")
        #expect(signed.stdoutText == expected)
        #expect(signed.stderrText.contains("From:") && signed.stderrText.contains(keyOneAddress))
        let bySigil = try run(["sign", "tx", request])
        #expect(bySigil.status == 0 && bySigil.stdoutText == expected, "\(bySigil.stderrText)")

        // Another account named by --from: refused, exit 3.
        let other = try write("key2.hex", "0x" + String(repeating: "0", count: 63) + "2")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: other)
        #expect(try run(["key", "import", "--private-key-file", other, "--light", "--name", "two"]).status == 0)
        expectFailure(try runSigner(["sign", request, "--from", "two", "--policy", policy]), status: 3,
                      message: "the request is to be signed by \(keyOneAddress), but the chosen key is 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF")
        // No "from", no --from.
        let anonymous = try write("anonymous.json", Self.rpcObject.replacingOccurrences(of: "\"from\": \"0x7e5f4552091a69125d5dfcb7b8c2659029395bdf\", ", with: ""))
        expectFailure(try runSigner(["sign", anonymous, "--policy", policy]), status: 64,
                      message: "no key given: use --from ACCOUNT (a keystore account) or --private-key-file FILE")
    }

    /// Every offline signing command takes its key on standard input (`--private-key-file -`)
    /// and reads it once: the result equals the one from the key file.
    @Test func keysOnStandardInputForEverySigningCommand() throws {
        let request = try write("request.json", Self.sigilFile)
        let mail = try write("mail.json", """
            {"types": {"EIP712Domain": [{"name": "name", "type": "string"}], "Mail": [{"name": "contents", "type": "string"}]},
             "primaryType": "Mail", "domain": {"name": "Ether Mail"}, "message": {"contents": "hello"}}
            """)
        let policy = try write("policy.json", #"{"allowMessages": true, "allowAuthorizations": true}"#)
        let commands: [(String, [String])] = [
            ("sigil", ["sign", "tx", request]),
            ("sigil", ["sign", "message", "hello"]),
            ("sigil", ["sign", "hash", "0x" + String(repeating: "ab", count: 32), "--raw-digest"]),
            ("sigil", ["sign", "typed-data", mail]),
            ("sigil", ["sign", "authorization", "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF", "--chain-id", "1", "--nonce", "0"]),
            ("sigil-signer", ["sign", request, "--policy", policy, "--audit-log", dir.url.path + "/audit.jsonl"]),
            ("sigil-signer", ["sign-message", "hello", "--policy", policy, "--audit-log", dir.url.path + "/audit.jsonl"]),
            ("sigil-signer", ["sign-typed-data", mail, "--policy", policy, "--audit-log", dir.url.path + "/audit.jsonl"]),
        ]
        for (tool, arguments) in commands {
            let fromFile = tool == "sigil" ? try run(arguments + ["--private-key-file", keyFile])
                : try runSigner(arguments + ["--private-key-file", keyFile])
            let fromStdin = tool == "sigil" ? try run(arguments + ["--private-key-file", "-"], stdin: keyOneHex + "\n")
                : try runSigner(arguments + ["--private-key-file", "-"], stdin: keyOneHex + "\n")
            #expect(fromFile.status == 0 && fromStdin.status == 0, "\(tool) \(arguments): \(fromStdin.stderrText)")
            #expect(fromStdin.stdoutText == fromFile.stdoutText && !fromStdin.stdoutText.isEmpty, "\(tool) \(arguments)")
        }
    }

    /// `units -1ether` printed the help and exited 0; `abi encode "f(int256)" -1` said "Unknown
    /// option '-1'"; `units 1 ether` was refused.
    @Test func negativeNumbersAreValues() throws {
        expectFailure(try run(["units", "-1ether"]), status: 65, message: "negative amounts are not allowed: '-1ether'")
        expectFailure(try run(["units", "-1", "ether"]), status: 65, message: "negative amounts are not allowed")
        let encoded = try run(["abi", "encode", "f(int256)", "-1"])
        #expect(encoded.status == 0, "\(encoded.stderrText)")
        #expect(encoded.stdoutText == "0x" + String(repeating: "f", count: 64) + "\n")
        let two = try run(["abi", "encode", "f(int8,uint8)", "-2", "3", "--json"])
        #expect(two.status == 0 && two.stdoutText.contains("fe"), "\(two.stderrText)")
        let spaced = try run(["units", "1", "ether"])
        let together = try run(["units", "1ether"])
        #expect(spaced.status == 0 && spaced.stdoutText == together.stdoutText, "\(spaced.stderrText)")
        #expect(spaced.stdoutText.contains("1000000000000000000"))
        let toWei = try run(["units", "1.5", "ether", "--to", "wei"])
        #expect(toWei.status == 0 && toWei.stdoutText == "1500000000000000000\n", "\(toWei.stderrText)")
        expectFailure(try run(["units", "1", "ether", "extra"]), status: 64, message: "give one amount")
        // A mistyped option among the values is still named as one.
        expectFailure(try run(["abi", "encode", "f(int256)", "-1", "--jsno"]), status: 64, message: "unknown option '--jsno'")
        expectFailure(try run(["units", "1ether", "--too", "wei"]), status: 64, message: "unknown option '--too'")
        // Amount options too: the value is refused as negative, never taken for an option.
        expectFailure(try run(["tx", "build", "--from", keyOneAddress, "--to", keyOneAddress, "--value", "-1ether",
                               "--rpc", "http://127.0.0.1:9"]), status: 65, message: "negative amounts are not allowed: '-1ether'")
    }

    /// `sign message 0x68656c6c6f` signed the text "0x68656c6c6f"; 0x-hex is now bytes, as in
    /// `hash keccak` and cast, and --text keeps the text.
    @Test func signMessageHexIsBytes() throws {
        let asBytes = try run(["sign", "message", "0x68656c6c6f", "--private-key-file", keyFile])
        let asText = try run(["sign", "message", "hello", "--private-key-file", keyFile])
        #expect(asBytes.status == 0 && asBytes.stdoutText == asText.stdoutText, "\(asBytes.stderrText)")
        let forcedText = try run(["sign", "message", "--text", "0x68656c6c6f", "--private-key-file", keyFile])
        let fromFile = try run(["sign", "message", "--file", try write("m.txt", "0x68656c6c6f"), "--private-key-file", keyFile])
        #expect(forcedText.status == 0 && forcedText.stdoutText == fromFile.stdoutText && forcedText.stdoutText != asText.stdoutText)
        let signature = asBytes.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try run(["verify", "message", "0x68656c6c6f", "--signature", signature, "--address", keyOneAddress]).status == 0)
        #expect(try run(["sign", "message", "--help"]).stdoutText.contains("--text"))
    }

    /// `sign authorization --json` did not paste into a request ("unknown field 'rlp'"), and
    /// `tx decode` could not preview an unsigned request or cast's --raw-unsigned hex.
    @Test func authorizationHandOffAndUnsignedPreview() throws {
        let authorization = try run(["sign", "authorization", "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF", "--chain-id", "1",
                                     "--nonce", "8", "--private-key-file", keyFile, "--json"])
        #expect(authorization.status == 0, "\(authorization.stderrText)")
        #expect(authorization.stdoutText.contains("\"rlp\""))
        let request = Self.sigilFile.replacingOccurrences(of: "\"type\": \"0x2\"", with: "\"type\": \"0x4\"")
            .replacingOccurrences(of: "\"accessList\": []", with: "\"accessList\": [], \"authorizationList\": [\(authorization.stdoutText)]")
            .replacingOccurrences(of: "\"gas\": \"0x5208\"", with: "\"gas\": \"0x186a0\"")
        let file = try write("type4.json", request)
        let signed = try run(["sign", "tx", file, "--private-key-file", keyFile])
        #expect(signed.status == 0 && signed.stdoutText.hasPrefix("0x04"), "\(signed.stderrText)")
        let decoded = try run(["tx", "decode", signed.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)])
        #expect(decoded.stdoutText.contains("delegate 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF nonce 8 by \(keyOneAddress)"),
                "\(decoded.stdoutText)")
        // An "rlp" that does not encode the other fields is refused, naming it.
        let tampered = request.replacingOccurrences(of: "\"nonce\": \"0x8\"", with: "\"nonce\": \"0x9\"")
        expectFailure(try run(["sign", "tx", try write("tampered.json", tampered), "--private-key-file", keyFile]), status: 65,
                      message: "field 'authorizationList[0].rlp' does not encode the authorization's other fields")

        // tx decode previews an unsigned request in every shape; nothing is signed.
        let preview = try run(["tx", "decode", try write("web3.json", Self.ethAccountDict)])
        #expect(preview.status == 0, "\(preview.stderrText)")
        #expect(preview.stdoutText.contains("no (an unsigned request)") && preview.stdoutText.contains("0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"))
        let json = try jsonOutput(try run(["tx", "decode", try write("rpc.json", Self.rpcObject), "--json"]))
        #expect(json["signed"] as? Bool == false)
        let hash = try #require(json["signingHash"] as? String)
        let rawUnsigned = try #require(json["rawUnsigned"] as? String)
        #expect(rawUnsigned.hasPrefix("0x02"))
        let fromHex = try jsonOutput(try run(["tx", "decode", rawUnsigned, "--json"]))
        #expect(fromHex["signed"] as? Bool == false && fromHex["signingHash"] as? String == hash, "\(fromHex)")
        let binary = dir.url.appendingPathComponent("unsigned.bin")
        try Data(try #require(Data(hexString: rawUnsigned))).write(to: binary)
        #expect(try jsonOutput(try run(["tx", "decode", binary.path, "--json"]))["signingHash"] as? String == hash)
    }
}

extension Data {
    /// Bytes from `0x`-prefixed hex, nil when it is not hex.
    init?(hexString: String) {
        let digits = Array(hexString.dropFirst(2).utf8)
        guard hexString.hasPrefix("0x"), digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        self.init(bytes)
    }
}
