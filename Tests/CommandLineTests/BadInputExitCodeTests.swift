import Foundation
import SigilTestSupport
import Testing

/// Bad input to the offline signature and decoding commands, with the built binary: the exact
/// exit status (65 malformed, 3 a signature that does not verify or recover, 66 missing file),
/// one line on stderr naming the problem, nothing on stdout.
@Suite struct BadInputExitCodeTests {
    let dir: TemporaryDirectory
    let keyFile: String
    let raw: String

    init() throws {
        dir = try TemporaryDirectory()
        keyFile = try devKeyFile(1, in: dir)
        let request = try dir.file("request.json", contents: Self.request())
        let signed = try sigil("sign", "tx", request.path, "--private-key-file", keyFile)
        raw = signed.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func request(replacing key: String? = nil, with value: String? = nil, adding extra: String = "") -> String {
        var pairs: [(String, String)] = [
            ("format", "\"sigil.unsigned-tx/1\""), ("type", "\"0x2\""), ("chainId", "\"0x1\""), ("nonce", "\"0x0\""),
            ("from", "\"\(keyOneAddress)\""), ("to", "\"0x0000000000000000000000000000000000000001\""), ("value", "\"0x64\""),
            ("data", "\"0x\""), ("gas", "\"0x5208\""), ("maxPriorityFeePerGas", "\"0x3b9aca00\""), ("maxFeePerGas", "\"0x2540be400\""),
            ("accessList", "[]"),
        ]
        if let key, let index = pairs.firstIndex(where: { $0.0 == key }) {
            if let value { pairs[index].1 = value } else { pairs.remove(at: index) }
        }
        return "{" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + extra + "}"
    }

    /// Malformed raw transactions: every command that reads one says what is wrong, exit 65.
    @Test func malformedRawTransactions() throws {
        let notJSON = try dir.file("nojson.json", contents: "{\"hash\": \"0x12\"}")
        let cases: [(input: String, message: String)] = [
            (String(raw.dropLast(4)), "input ends early"),
            (raw + "00", "trailing bytes"),
            ("0x02zz", "invalid hex digit"),
            ("0x", "no bytes"),
            ("0x09" + raw.dropFirst(4), "unsupported transaction type 0x09"),
            (notJSON.path, "nojson.json: JSON without a "),
        ]
        for (input, message) in cases {
            expectFailure(try sigil("verify", "tx", input, "--from", keyOneAddress), status: 65, message: message)
            expectFailure(try sigil("recover", "tx", input), status: 65, message: message)
            expectFailure(try sigil("tx", "hash", input), status: 65, message: message)
            expectFailure(try sigil("tx", "decode", input, "--json"), status: 65, message: message)
        }
        let missing = dir.url.appendingPathComponent("missing.hex").path
        expectFailure(try sigil("tx", "hash", missing), status: 66, message: "missing.hex")
        expectFailure(try sigil("recover", "tx", "-", stdin: "0x02c0\n"), status: 65, message: "expected 12 items, found 0")
        // A bad --from is the caller's input too.
        expectFailure(try sigil("verify", "tx", raw, "--from", "0x1234"), status: 65, message: "address")
    }

    /// A well-formed transaction whose signature gives no valid sender: exit 3.
    @Test func signaturesThatDoNotVerify() throws {
        let highS = try RawBytes.highS(raw)
        expectFailure(try sigil("verify", "tx", highS, "--from", keyOneAddress), status: 3, message: "invalid transaction signature")
        expectFailure(try sigil("recover", "tx", highS, "--json"), status: 3, message: "above n/2")
        let unrecoverable = try RawBytes.unrecoverable(raw)
        expectFailure(try sigil("recover", "tx", unrecoverable), status: 3, message: "no sender can be recovered")
        // A tx hash does not need a valid signature: it is of the bytes.
        #expect(try sigil("tx", "hash", unrecoverable).status == 0)

        // EIP-191: r = 5 is in range but no curve point has x = 5, so nothing recovers.
        let word = { (n: String) in String(repeating: "0", count: 64 - n.count) + n }
        let noPoint = "0x" + word("5") + word("1") + "1b"
        expectFailure(try sigil("recover", "message", "hello", "--signature", noPoint), status: 3, message: "invalid signature")
        expectFailure(try sigil("verify", "message", "hello", "--address", keyOneAddress, "--signature", noPoint), status: 3,
                      message: "invalid signature")
        // r = 0 is malformed rather than unverifiable.
        expectFailure(try sigil("recover", "message", "hello", "--signature", "0x" + word("0") + word("1") + "1b"), status: 65,
                      message: "out of range")
    }

    @Test func abiDecodeBadInput() throws {
        let address = String(repeating: "0", count: 24) + "7e5f4552091a69125d5dfcb7b8c2659029395bdf"
        let amount = String(repeating: "0", count: 63) + "1"
        let cases: [(signature: String, data: String, message: String)] = [
            ("transfer(address,uint256)", "0xa9059cbb" + address, "data ends"),
            ("transfer(address,uint256)", "0x095ea7b3" + address + amount, "selector"),
            ("transfer(address,uint256)", "0x" + "ff" + address.dropFirst(2) + amount, "address"),
            ("transfer(address,uint256)", "0xa9059cbb" + address + amount.dropLast() + "g", "invalid hex digit"),
            ("transfer(address,uint257)", "0x" + address + amount, "uint257"),
            ("f(bool)", "0x" + String(repeating: "0", count: 63) + "2", "bool"),
        ]
        for (signature, data, message) in cases {
            expectFailure(try sigil("abi", "decode", signature, data), status: 65, message: message)
        }
        // One trailing byte: the data does not end where the encoding ends.
        expectFailure(try sigil("abi", "decode", "transfer(address,uint256)", "0x" + address + amount + "00"), status: 65,
                      message: "unused byte")
    }

    /// `sign tx` refuses a request file the parser rejects (65) and a request for another signer (3).
    @Test func signTxRefusals() throws {
        let cases: [(text: String, message: String)] = [
            (Self.request(adding: ", \"summary\": \"send 1 ETH\""), "unknown field 'summary'"),
            (Self.request(replacing: "nonce", with: nil), "missing field 'nonce'"),
            (Self.request(replacing: "value", with: "1.5"), "field 'value' is not a whole number ('1.5')"),
            (Self.request(replacing: "gas", with: "\"0x5207\""), "gas"),
            ("{\"format\": ", "request file is not valid JSON"),
        ]
        for (text, message) in cases {
            let file = try dir.file("request.json", contents: text)
            expectFailure(try sigil("sign", "tx", file.path, "--private-key-file", keyFile), status: 65, message: message)
        }
        let other = try dir.file("other.json", contents: Self.request(replacing: "from", with: "\"0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF\""))
        expectFailure(try sigil("sign", "tx", other.path, "--private-key-file", keyFile), status: 3,
                      message: "the request is to be signed by 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF, but the chosen key is \(keyOneAddress)")
        expectFailure(try sigil("sign", "tx", other.path, "--private-key-file", keyFile, "--json"), status: 3,
                      message: "\"code\":3")
        expectFailure(try sigil("sign", "tx", "0x02zz", "--private-key-file", keyFile), status: 65, message: "invalid hex digit")
    }
}
