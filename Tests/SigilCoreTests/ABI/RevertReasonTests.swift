import SigilCore
import SigilTestSupport
import Testing

@Suite struct RevertReasonTests {
    let bytes = ABITestSupport.bytes

    /// The example from the Solidity documentation ("Error handling: Assert, Require, Revert
    /// and Exceptions"): `revert("Not enough Ether provided.")`.
    @Test func errorStringFromTheSolidityDocs() {
        let data = bytes("0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "000000000000000000000000000000000000000000000000000000000000001a"
            + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000")
        let reason = RevertReason(data: data)
        #expect(reason.kind == .message("Not enough Ether provided."))
        #expect(reason.description == "Not enough Ether provided.")
        #expect(reason.summary == "reverted: Not enough Ether provided.")
        #expect(reason.json["kind"] == .string("error"))
        #expect(reason.json["reason"] == .string("Not enough Ether provided."))
    }

    @Test func hostileReasonIsEscaped() throws {
        let hostile = "ok\u{1b}[2J\nfake line\u{202e}"
        let data = try ABIErrorSignature(parsing: "Error(string)").encode([.string(hostile)])
        let reason = RevertReason(data: data)
        #expect(reason.kind == .message(hostile))
        #expect(!DisplayText.needsEscaping(reason.description))
        #expect(reason.description.contains("\\x1b[2J"))
        #expect(!DisplayText.needsEscaping(reason.json["reason"]?.stringValue ?? "\u{1b}"))
    }

    /// Panic codes and meanings as listed in the Solidity documentation.
    @Test(arguments: [
        (0x00, "generic"), (0x01, "assert"), (0x11, "overflow"), (0x12, "division or modulo by zero"),
        (0x21, "enum"), (0x22, "storage byte array"), (0x31, "empty array"), (0x32, "out of bounds"),
        (0x41, "memory"), (0x51, "zero-initialized"),
    ])
    func panicCodes(code: Int, meaningWord: String) {
        var data = bytes("0x4e487b71")
        data += [UInt8](repeating: 0, count: 31) + [UInt8(code)]
        let reason = RevertReason(data: data)
        #expect(reason.kind == .panic(code: U256(UInt64(code))))
        #expect(reason.description.contains(meaningWord), "\(reason.description)")
        #expect(reason.json["code"] == .string("0x" + String(code, radix: 16)))
        #expect(reason.json["meaning"]?.stringValue != nil)
    }

    @Test func undocumentedPanicCode() {
        let data = bytes("0x4e487b71") + [UInt8](repeating: 0, count: 31) + [0x99]
        let reason = RevertReason(data: data)
        #expect(reason.description == "panic 0x99: unknown panic code")
        #expect(reason.json["meaning"] == .null)
    }

    @Test func givenCustomErrorIsDecoded() throws {
        let error = try ABIErrorSignature(parsing: "error InsufficientBalance(uint256 available, uint256 required)")
        #expect(error.signature == "InsufficientBalance(uint256,uint256)")
        // keccak256("InsufficientBalance(uint256,uint256)")[0..4], computed independently.
        #expect(error.selector == bytes("0xcf479181"))
        let data = error.selector + ABIEncoder.encodeWords([5, 10])
        let reason = RevertReason(data: data, errorSignatures: [error])
        #expect(reason.kind == .customError(error, arguments: [.uint(5), .uint(10)]))
        #expect(reason.description == "InsufficientBalance(available: 5, required: 10)")
        #expect(reason.json["arguments"]?.arrayValue?.count == 2)

        let unnamed = try ABIErrorSignature(parsing: "InsufficientBalance(uint256,uint256)")
        #expect(RevertReason(data: data, errorSignatures: [unnamed]).description == "InsufficientBalance(arg0: 5, arg1: 10)")
    }

    @Test func knownCustomErrorIsDecodedWithoutSignature() throws {
        let owner = try Address(parsing: "0x00000000000000000000000000000000000000aa")
        let error = try ABIErrorSignature(parsing: "OwnableUnauthorizedAccount(address)")
        let reason = RevertReason(data: try error.encode([.address(owner)]))
        #expect(reason.description == "OwnableUnauthorizedAccount(account: \(owner.checksummed))")
    }

    @Test func unknownAndEmptyAndMalformed() {
        #expect(RevertReason(data: []).description == "reverted without a reason")
        #expect(RevertReason(data: []).summary == "reverted without a reason")
        #expect(RevertReason(data: []).json["kind"] == .string("empty"))
        let unknown = RevertReason(data: bytes("0x12345678abcd"))
        #expect(unknown.kind == .unknown(selector: bytes("0x12345678")))
        #expect(unknown.description == "custom error 0x12345678 with data 0xabcd")
        #expect(RevertReason(data: bytes("0x12345678")).description == "custom error 0x12345678")
        #expect(RevertReason(data: bytes("0x1234")).description.contains("too short"))
        // Error(string) selector with a truncated body.
        let malformed = RevertReason(data: bytes("0x08c379a0" + "00000000000000000000000000000000000000000000000000000000000020"))
        guard case .malformed(let signature, _) = malformed.kind else { Issue.record("\(malformed.kind)"); return }
        #expect(signature == "Error(string)")
        #expect(malformed.description.hasPrefix("malformed Error(string) revert data: invalid ABI encoding at byte 4"))
    }
}

extension ABIEncoder {
    /// Words of small unsigned integers, for test data.
    static func encodeWords(_ values: [UInt64]) -> [UInt8] {
        values.flatMap { U256($0).bigEndianBytes }
    }
}
